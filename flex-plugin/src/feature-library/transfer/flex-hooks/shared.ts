import type { FlexGlobal, PluginManager } from '../../../types/feature';
import { createBackendClient } from '../../../utils/backend-client';
import { getPollIntervalMs } from '../config';
import { TransferDesk } from '../transfer-desk';
import { TransferNotification } from './strings';

const desks = new WeakMap<object, TransferDesk>();

/** One desk per Flex manager, shared by the action hooks and the header button. */
export const deskFor = (flex: FlexGlobal, manager: PluginManager): TransferDesk => {
  let desk = desks.get(manager);
  if (!desk) {
    desk = new TransferDesk(
      createBackendClient(manager),
      (id: TransferNotification, context) => {
        flex.Notifications.showNotification(id, context);
      },
      getPollIntervalMs(manager),
    );
    desks.set(manager, desk);
  }
  return desk;
};
