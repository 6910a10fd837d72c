import type { HarnessNotificationsImpl } from '../notifications.js';
import { useSubscription } from './hooks.js';
import { React } from './react.js';

/** Flex shows notifications as a bar; the sandbox shows them as toasts in the corner. */
export const Toasts = ({ notifications }: { notifications: HarnessNotificationsImpl }) => {
  const shown = useSubscription(notifications, () => notifications.current());
  return (
    <div className="toasts" aria-live="polite" data-testid="notifications">
      {shown.map((notification) => {
        const text = notifications.textOf(notification);
        return (
          <div
            key={notification.instanceId}
            className={`toast toast-${notification.type ?? 'information'}`}
            role={notification.type === 'error' ? 'alert' : 'status'}
            data-testid="notification"
            data-notification-id={notification.id}
          >
            <div className="toast-content">{text ?? notification.content}</div>
            {notification.closeButton === false ? null : (
              <button
                type="button"
                className="toast-close"
                aria-label="Dismiss notification"
                onClick={() => notifications.dismissNotification(notification)}
              >
                ×
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
};
