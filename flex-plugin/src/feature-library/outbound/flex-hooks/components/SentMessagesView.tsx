import * as React from 'react';
import { SMSIcon } from '@twilio-paste/icons/esm/SMSIcon';

import { PasteThemeScope } from '../../../../common/PasteThemeScope/PasteThemeScope';
import type { ComponentHook, FlexGlobal, PluginManager } from '../../../../types/feature';
import { BackendRequestError, createBackendClient } from '../../../../utils/backend-client';
import { cancelSent } from '../../api/outbound-api';
import { SentMessagesView } from '../../custom-components/SentMessages/SentMessagesView';
import type { SentMessage } from '../../types/outbound';
import { customerLabel } from '../../utils/sent-labels';
import { sentStoreFor } from '../../state/sent-store';
import { OutboundNotification } from '../notifications';
import { outboundText } from '../strings';

export const SENT_VIEW = 'fmk-outbound-sent';
export const SENT_LINK_KEY = 'fmk-outbound-sent-link';
export const SENT_VIEW_KEY = 'fmk-outbound-sent-view';

type StoreLike = NonNullable<PluginManager['store']>;

const activeViewOf = (store?: StoreLike): string | undefined =>
  (store?.getState() as { flex?: { view?: { activeView?: string } } } | undefined)?.flex?.view?.activeView;

/** Flex's active view from its Redux store; without a store, a mounted view counts as shown. */
const useIsActiveView = (viewName: string, store?: StoreLike): boolean => {
  const [active, setActive] = React.useState(() => !store || activeViewOf(store) === viewName);
  React.useEffect(() => {
    if (!store) {
      return undefined;
    }
    setActive(activeViewOf(store) === viewName);
    return store.subscribe(() => setActive(activeViewOf(store) === viewName));
  }, [store, viewName]);
  return active;
};

const SentMessagesContainer = ({ flex, manager }: { flex: FlexGlobal; manager: PluginManager }) => {
  const store = sentStoreFor(flex, manager);
  const visible = useIsActiveView(SENT_VIEW, manager.store);
  const strings = manager.strings as unknown as Record<string, string | undefined>;
  const client = React.useMemo(() => createBackendClient(manager), [manager]);
  const cancel = async (item: SentMessage) => {
    const customer = customerLabel(item);
    try {
      await cancelSent(client, item.conversationSid);
      flex.Notifications.showNotification(OutboundNotification.Cancelled, { customer });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      flex.Notifications.showNotification(OutboundNotification.CancelFailed, { customer, message });
      throw error instanceof BackendRequestError ? error : new Error(message);
    }
  };
  return (
    <PasteThemeScope>
      <SentMessagesView
        store={store}
        visible={visible}
        strings={strings}
        cancel={cancel}
        localeTag={manager.localization?.localeTag}
      />
    </PasteThemeScope>
  );
};

/** Flex passes `activeView` to the side nav's children. */
const SentMessagesLink = ({ flex, label, activeView }: { flex: FlexGlobal; label: string; activeView?: string }) => {
  const icon = (
    <PasteThemeScope>
      <SMSIcon decorative />
    </PasteThemeScope>
  );
  return (
    <flex.SideLink
      showLabel
      icon={icon}
      iconActive={icon}
      isActive={activeView === SENT_VIEW}
      onClick={() => {
        flex.Actions.invokeAction('NavigateToView', { viewName: SENT_VIEW }).catch(() => undefined);
      }}
    >
      {label}
    </flex.SideLink>
  );
};

/** The "sent, waiting for reply" list: a side-nav link and the view it opens. */
export const addSentMessagesView: ComponentHook = (flex, manager) => {
  const label = outboundText(manager.strings as unknown as Record<string, string | undefined>, 'FMKOutboundSentNav');
  flex.SideNav.Content.add(<SentMessagesLink key={SENT_LINK_KEY} flex={flex} label={label} />, { sortOrder: 100 });
  flex.ViewCollection.Content.add(
    <flex.View name={SENT_VIEW} key={SENT_VIEW_KEY}>
      <SentMessagesContainer flex={flex} manager={manager} />
    </flex.View>,
  );
};
