import type { NotificationHook } from '../../../../types/feature';

/** Notification ids; their templates are strings of the same name. */
export enum InactivityNotification {
  WrappedUp = 'FMKInactivityWrappedUp',
}

/** Shown when the server wraps a task up for inactivity; `content` names the template, as in Flex. */
export const registerInactivityNotifications: NotificationHook = (flex) => {
  flex.Notifications.registerNotification({
    id: InactivityNotification.WrappedUp,
    type: flex.NotificationType.warning,
    content: InactivityNotification.WrappedUp,
    timeout: 10_000,
  });
};
