import type { EventHook } from '../../../../types/feature';
import { sentStoreFor } from '../../state/sent-store';
import { SEND_ACTION } from '../actions';

/** How often the background watcher asks for the agent's sends; the list view polls faster while open. */
export const DELIVERY_POLL_MS = 15_000;

/** Carriers usually answer within seconds, so one early look follows every send. */
export const AFTER_SEND_CHECK_MS = 3_000;

/**
 * Twilio reports a failed or undelivered first message seconds after the send: the agent gets a
 * notification for each one (once per browser session), wherever they are in Flex.
 */
export const watchDeliveryFailures: EventHook = (flex, manager) => {
  const store = sentStoreFor(flex, manager);
  store.refresh();
  store.poll(DELIVERY_POLL_MS);
  flex.Actions.addListener(`after${SEND_ACTION}`, () => {
    setTimeout(() => store.refresh(), AFTER_SEND_CHECK_MS);
  });
};
