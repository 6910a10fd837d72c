import type { FlexGlobal, PluginManager } from '../../../types/feature';
import { createBackendClient } from '../../../utils/backend-client';
import { FeatureStore, onePerManager, StoreListeners } from '../../../utils/feature-store';
import { fetchSent } from '../api/outbound-api';
import { OutboundNotification } from '../flex-hooks/notifications';
import type { SentMessage } from '../types/outbound';
import { customerLabel, deliveryReason } from '../utils/sent-labels';

export const isDeliveryFailure = (item: SentMessage): boolean =>
  item.delivery?.status === 'failed' || item.delivery?.status === 'undelivered';

/** One failure per first message: a re-sent (reused) conversation fails anew. */
export const failureKey = (item: SentMessage): string => `${item.conversationSid}:${item.messageSid ?? ''}`;

export const NOTIFIED_FAILURES_KEY = 'fmk.outbound.notifiedDeliveryFailures';

type Memory = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's visibility: `document`, or a stand-in in tests. */
export interface VisibilitySource {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface SentStoreOptions {
  load: () => Promise<SentMessage[]>;
  /** Called once per failed first message per browser session. */
  onFailure: (item: SentMessage) => void;
  /** Where notified failures are remembered (the tab's sessionStorage); none keeps them in memory. */
  memory?: Memory;
}

export interface SentSnapshot {
  items: SentMessage[];
  loaded: boolean;
  error: unknown;
}

const readNotified = (memory?: Memory): Set<string> => {
  try {
    const stored = JSON.parse(memory?.getItem(NOTIFIED_FAILURES_KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : []);
  } catch {
    return new Set();
  }
};

/**
 * The agent's sent list, shared by the list view and the background watcher: one request at a
 * time, and each delivery failure reported once (remembered across reloads of the tab).
 */
export class SentStore implements FeatureStore<SentSnapshot> {
  private state: SentSnapshot = { items: [], loaded: false, error: null };

  private inFlight: Promise<void> | null = null;

  private readonly notified: Set<string>;

  private readonly listeners = new StoreListeners();

  private readonly polls = new Set<() => void>();

  constructor(private readonly options: SentStoreOptions) {
    this.notified = readNotified(options.memory);
  }

  snapshot(): SentSnapshot {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  refresh(): Promise<void> {
    if (!this.inFlight) {
      this.inFlight = this.options
        .load()
        .then((items) => {
          this.state = { items, loaded: true, error: null };
          this.reportFailures(items);
        })
        .catch((error: unknown) => {
          this.state = { ...this.state, error };
        })
        .finally(() => {
          this.inFlight = null;
          this.listeners.notify();
        });
    }
    return this.inFlight;
  }

  /**
   * Refreshes every `intervalMs` while the page is visible, and at once when it becomes visible
   * again. Returns the function that stops this poll (`stop()` stops them all).
   */
  poll(intervalMs: number, doc: VisibilitySource = document): () => void {
    const tick = () => {
      if (doc.visibilityState !== 'hidden') {
        this.refresh();
      }
    };
    const timer = setInterval(tick, intervalMs);
    doc.addEventListener('visibilitychange', tick);
    const stop = () => {
      clearInterval(timer);
      doc.removeEventListener('visibilitychange', tick);
      this.polls.delete(stop);
    };
    this.polls.add(stop);
    return stop;
  }

  stop(): void {
    Array.from(this.polls).forEach((stop) => stop());
  }

  private reportFailures(items: SentMessage[]): void {
    const fresh = items.filter((item) => isDeliveryFailure(item) && !this.notified.has(failureKey(item)));
    if (fresh.length === 0) {
      return;
    }
    fresh.forEach((item) => this.notified.add(failureKey(item)));
    try {
      this.options.memory?.setItem(NOTIFIED_FAILURES_KEY, JSON.stringify(Array.from(this.notified)));
    } catch {
      // A full or disabled storage only means a reload may notify again.
    }
    fresh.forEach(this.options.onFailure);
  }
}

const sessionMemory = (): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
};

/** The agent's one sent list, shared by the list view and the delivery-failure watcher. */
export const sentStoreFor = onePerManager((flex: FlexGlobal, manager: PluginManager) => {
  const client = createBackendClient(manager);
  return new SentStore({
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
});
