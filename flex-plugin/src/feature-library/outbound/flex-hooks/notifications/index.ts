import type { NotificationHook } from '../../../../types/feature';

export enum OutboundNotification {
  Sent = 'FMKOutboundSent',
  Failed = 'FMKOutboundFailed',
}

/** Content is the string template's name, so the texts stay overridable. */
export const registerOutboundNotifications: NotificationHook = (flex) => {
  flex.Notifications.registerNotification({
    id: OutboundNotification.Sent,
    content: 'FMKOutboundSent',
    type: flex.NotificationType.success,
    timeout: 5000,
  });
  flex.Notifications.registerNotification({
    id: OutboundNotification.Failed,
    content: 'FMKOutboundFailed',
    type: flex.NotificationType.error,
    timeout: 8000,
  });
};
