import type { SentMessage } from '../types/outbound';

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
export const createSentStore = ({ load, onFailure, memory }: SentStoreOptions) => {
  let snapshot: SentSnapshot = { items: [], loaded: false, error: null };
  let inFlight: Promise<void> | null = null;
  const notified = readNotified(memory);
  const listeners = new Set<() => void>();

  const changed = () => listeners.forEach((listener) => listener());

  const reportFailures = (items: SentMessage[]) => {
    const fresh = items.filter((item) => isDeliveryFailure(item) && !notified.has(failureKey(item)));
    if (fresh.length === 0) {
      return;
    }
    fresh.forEach((item) => notified.add(failureKey(item)));
    try {
      memory?.setItem(NOTIFIED_FAILURES_KEY, JSON.stringify(Array.from(notified)));
    } catch {
      // A full or disabled storage only means a reload may notify again.
    }
    fresh.forEach(onFailure);
  };

  const refresh = (): Promise<void> => {
    if (!inFlight) {
      inFlight = load()
        .then((items) => {
          snapshot = { items, loaded: true, error: null };
          reportFailures(items);
        })
        .catch((error: unknown) => {
          snapshot = { ...snapshot, error };
        })
        .finally(() => {
          inFlight = null;
          changed();
        });
    }
    return inFlight;
  };

  return {
    refresh,
    snapshot: (): SentSnapshot => snapshot,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    /**
     * Refreshes every `intervalMs` while the page is visible, and at once when it becomes visible
     * again. Returns the stop function.
     */
    poll(intervalMs: number, doc: VisibilitySource = document) {
      const tick = () => {
        if (doc.visibilityState !== 'hidden') {
          refresh();
        }
      };
      const timer = setInterval(tick, intervalMs);
      doc.addEventListener('visibilitychange', tick);
      return () => {
        clearInterval(timer);
        doc.removeEventListener('visibilitychange', tick);
      };
    },
  };
};

export type SentStore = ReturnType<typeof createSentStore>;
