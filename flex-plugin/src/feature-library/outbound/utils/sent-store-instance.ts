import type { FlexGlobal, PluginManager } from '../../../types/feature';
import { createBackendClient } from '../../../utils/backend-client';
import { fetchSent } from '../api/outbound-api';
import { OutboundNotification } from '../flex-hooks/notifications';
import { customerLabel, deliveryReason } from './sent-labels';
import { createSentStore, SentStore } from './sent-store';

const stores = new WeakMap<object, SentStore>();

const sessionMemory = (): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
};

/** The one sent list per Flex session, shared by the list view and the delivery-failure watcher. */
export const sentStoreFor = (flex: FlexGlobal, manager: PluginManager): SentStore => {
  let store = stores.get(manager);
  if (!store) {
    const client = createBackendClient(manager);
    store = createSentStore({
      load: async () => (await fetchSent(client)).sent ?? [],
      onFailure: (item) => {
        const strings = manager.strings as unknown as Record<string, string | undefined>;
        flex.Notifications.showNotification(OutboundNotification.DeliveryFailed, {
          customer: customerLabel(item),
          reason: deliveryReason(strings, item),
        });
      },
      memory: sessionMemory(),
    });
    stores.set(manager, store);
  }
  return store;
};
