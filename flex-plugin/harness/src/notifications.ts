import type * as FlexUI from '@twilio/flex-ui';

import type { HarnessNotifications } from './flex-contract.js';
import { flexError } from './flex-error.js';

/** Same members and values as Flex's enum; the `satisfies` pins both. */
const NOTIFICATION_TYPES = {
  information: 'information',
  success: 'success',
  warning: 'warning',
  error: 'error',
} as const satisfies { [Name in keyof typeof FlexUI.NotificationType]: `${(typeof FlexUI.NotificationType)[Name]}` };

export const NotificationType = NOTIFICATION_TYPES as unknown as typeof FlexUI.NotificationType;

const DEFAULT_TIMEOUT_MS = 8000;

type Listener = (shown: FlexUI.Notification[]) => void;

/**
 * Flex's notification manager: plugins register notifications once and show them by id. Shown
 * notifications are rendered by the page as toasts.
 */
export class HarnessNotificationsImpl implements HarnessNotifications {
  readonly registeredNotifications = new Map<string, FlexUI.Notification>();

  private shown: FlexUI.Notification[] = [];

  private instances = 0;

  private readonly listeners = new Set<Listener>();

  /** Templates come from manager.strings, like Flex's. */
  constructor(private readonly strings: () => Record<string, string | undefined>) {}

  /** As Flex's NotificationManager: an id registered twice throws "Notification already registered". */
  registerNotification(notification: FlexUI.Notification): void {
    if (this.registeredNotifications.has(notification.id)) {
      throw flexError('Notification already registered', { context: 'NotificationManager' });
    }
    this.registeredNotifications.set(notification.id, { closeButton: true, ...notification });
  }

  showNotification(id: string, context?: object): FlexUI.Notification | null {
    const registered = this.registeredNotifications.get(id);
    if (!registered) {
      console.warn(`[harness] showNotification: "${id}" is not registered`);
      return null;
    }
    this.instances += 1;
    const instance: FlexUI.Notification = {
      ...registered,
      instanceId: `${id}-${this.instances}`,
      context: { ...registered.context, ...(context as Record<string, unknown> | undefined) },
    };
    this.shown = [...this.shown, instance];
    this.changed();
    const timeout = registered.timeout ?? DEFAULT_TIMEOUT_MS;
    if (timeout > 0) {
      setTimeout(() => this.dismissNotification(instance), timeout);
    }
    return instance;
  }

  dismissNotification(notification: FlexUI.Notification): void {
    this.shown = this.shown.filter((shown) => shown.instanceId !== notification.instanceId);
    this.changed();
  }

  dismissNotificationById(id: string): void {
    this.shown = this.shown.filter((shown) => shown.id !== id);
    this.changed();
  }

  /** The text of a string notification: a manager.strings template or literal text, with {{context}}. */
  textOf(notification: FlexUI.Notification): string | null {
    if (typeof notification.content !== 'string' && typeof notification.content !== 'number') {
      return null;
    }
    const source = String(notification.content);
    const template = this.strings()[source] ?? source;
    const context = (notification.context ?? {}) as Record<string, unknown>;
    return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => String(context[name] ?? ''));
  }

  current(): FlexUI.Notification[] {
    return this.shown;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener(this.shown));
  }
}
