import type { NotificationHook } from '../../../../types/feature';

/** Notification ids; their templates are strings of the same name. */
export enum TransferNotification {
  Failed = 'FMKTransferFailed',
  RolledBack = 'FMKTransferRolledBack',
  Completed = 'FMKTransferCompleted',
  Accepted = 'FMKTransferAccepted',
  WrapupBlocked = 'FMKTransferWrapupBlocked',
}

const NOTIFICATIONS: Array<[TransferNotification, 'error' | 'warning' | 'success' | 'information']> = [
  [TransferNotification.Failed, 'error'],
  [TransferNotification.RolledBack, 'error'],
  [TransferNotification.WrapupBlocked, 'warning'],
  [TransferNotification.Completed, 'success'],
  [TransferNotification.Accepted, 'information'],
];

/** Our notifications; as in Flex, `content` names a template in `manager.strings` (the feature's strings). */
export const registerTransferNotifications: NotificationHook = (flex) => {
  NOTIFICATIONS.forEach(([id, type]) => {
    flex.Notifications.registerNotification({
      id,
      type: flex.NotificationType[type],
      content: id,
      timeout: type === 'error' || type === 'warning' ? 0 : 8000,
    } as Parameters<typeof flex.Notifications.registerNotification>[0]);
  });
};
