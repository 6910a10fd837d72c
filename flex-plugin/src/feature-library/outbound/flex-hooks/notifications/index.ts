import type { NotificationHook } from '../../../../types/feature';

export enum OutboundNotification {
  Sent = 'FMKOutboundSent',
  Failed = 'FMKOutboundFailed',
  Busy = 'FMKOutboundBusy',
  DeliveryFailed = 'FMKOutboundDeliveryFailedNotice',
  Cancelled = 'FMKOutboundSentCancelled',
  CancelFailed = 'FMKOutboundSentCancelFailed',
}

/** Content is the string template's name, so the texts stay overridable. */
export const registerOutboundNotifications: NotificationHook = (flex) => {
  const register = (id: OutboundNotification, type: keyof typeof flex.NotificationType, timeout: number) =>
    flex.Notifications.registerNotification({ id, content: id, type: flex.NotificationType[type], timeout });
  register(OutboundNotification.Sent, 'success', 5000);
  register(OutboundNotification.Failed, 'error', 8000);
  register(OutboundNotification.Busy, 'error', 8000);
  // A message that never arrived stays on screen until the agent dismisses it.
  register(OutboundNotification.DeliveryFailed, 'error', 0);
  register(OutboundNotification.Cancelled, 'success', 5000);
  register(OutboundNotification.CancelFailed, 'error', 8000);
};
