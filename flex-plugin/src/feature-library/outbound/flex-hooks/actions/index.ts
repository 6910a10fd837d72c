import type { ActionHook } from '../../../../types/feature';
import { BackendRequestError, createBackendClient } from '../../../../utils/backend-client';
import { newIdempotencyKey, sendOutbound } from '../../api/outbound-api';
import type { SendOutboundMessagePayload } from '../../types/outbound';
import { componentStateOf } from '../../../../utils/component-state';
import { OutboundNotification } from '../notifications';
import { outboundText } from '../strings';

export const TOGGLE_ACTION = 'ToggleOutboundMessagePanel';
/** The panel's open state lives in Flex's store under this component name (`SetComponentState`). */
export const PANEL_STATE = 'fmk-outbound-panel';
export const SEND_ACTION = 'SendOutboundMessage';

/** A conflict the caller resolves (the panel shows a dialog), so it gets no error toast. */
export const isConversationConflict = (error: unknown): error is BackendRequestError =>
  error instanceof BackendRequestError && error.status === 409 && error.code === 'conversation_exists';

/** A live task holds the customer's conversation: nothing to offer but an explanation. */
const isConversationBusy = (error: unknown): error is BackendRequestError =>
  error instanceof BackendRequestError && error.status === 409 && error.code === 'conversation_busy';

const fieldMessages = (error: BackendRequestError): string => {
  const errors = (error.body as { error?: { errors?: Array<{ message: string }> } })?.error?.errors;
  return errors && errors.length > 0 ? errors.map((e) => e.message).join('; ') : error.message;
};

/**
 * `ToggleOutboundMessagePanel {open?}` and `SendOutboundMessage` (the seed's payload). Other
 * plugins may invoke, listen to or replace both. Send resolves to the backend's result and
 * rejects with the backend error.
 */
export const registerOutboundActions: ActionHook = (flex, manager) => {
  const client = createBackendClient(manager);
  const strings = () => manager.strings as unknown as Record<string, string | undefined>;
  flex.Actions.registerAction(TOGGLE_ACTION, async (payload: { open?: boolean }) => {
    const isOpen =
      typeof payload?.open === 'boolean' ? payload.open : componentStateOf(manager.store, PANEL_STATE)?.isOpen !== true;
    await flex.Actions.invokeAction('SetComponentState', { name: PANEL_STATE, state: { isOpen } });
  });
  flex.Actions.registerAction(SEND_ACTION, async (payload: SendOutboundMessagePayload) => {
    try {
      const result = await sendOutbound(client, payload, payload.idempotencyKey ?? newIdempotencyKey());
      flex.Notifications.showNotification(OutboundNotification.Sent, { destination: payload.destination });
      return result;
    } catch (error) {
      if (isConversationBusy(error)) {
        const conflict = (error.body as { error?: { ownerIdentity?: string | null; taskStatus?: string | null } })
          ?.error;
        flex.Notifications.showNotification(OutboundNotification.Busy, {
          owner: conflict?.ownerIdentity ?? outboundText(strings(), 'FMKOutboundBusyOwnerUnknown'),
          status: conflict?.taskStatus ?? '—',
        });
      } else if (!isConversationConflict(error)) {
        const message = error instanceof BackendRequestError ? fieldMessages(error) : (error as Error).message;
        flex.Notifications.showNotification(OutboundNotification.Failed, { message });
      }
      throw error;
    }
  });
};
