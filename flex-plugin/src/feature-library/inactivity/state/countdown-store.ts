import type { FlexGlobal, PluginManager } from '../../../types/feature';
import type { BackendClient } from '../../../utils/backend-client';
import { createBackendClient } from '../../../utils/backend-client';
import { FeatureStore, onePerManager, StoreListeners } from '../../../utils/feature-store';
import { fetchMyCountdowns } from '../api/inactivity-api';
import { getPollIntervalMs } from '../config';
import { InactivityNotification } from '../flex-hooks/notifications';
import type { Countdown } from '../types/inactivity';

export interface CountdownSnapshot {
  /** By conversation sid. */
  countdowns: ReadonlyMap<string, Countdown>;
  /** The server's clock minus this browser's, from the last answer. */
  offsetMs: number;
}

/**
 * The agent's countdowns, polled from the server by one loop for every badge on the page (while
 * at least one badge is subscribed). It also keeps the offset between the server's clock and this
 * browser's, so a badge shows the server's remaining time even when the local clock is wrong. It
 * never decides anything itself.
 */
export class CountdownStore implements FeatureStore<CountdownSnapshot> {
  private state: CountdownSnapshot = { countdowns: new Map(), offsetMs: 0 };

  private readonly listeners = new StoreListeners();

  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: BackendClient,
    private readonly pollIntervalMs: number,
    private readonly onExpired: (countdown: Countdown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  snapshot(): CountdownSnapshot {
    return this.state;
  }

  get(conversationSid: string): Countdown | undefined {
    return this.state.countdowns.get(conversationSid);
  }

  /** This browser's idea of the server's current time, in ms since the epoch. */
  serverNow(): number {
    return this.now() + this.state.offsetMs;
  }

  subscribe(listener: () => void): () => void {
    const unsubscribe = this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.schedule(0);
    }
    return () => {
      unsubscribe();
      if (this.listeners.size === 0) {
        this.stop();
      }
    };
  }

  /** Applies one server answer (a poll, or a snooze's result). */
  apply(countdowns: Countdown[], serverTime: string): void {
    const parsed = Date.parse(serverTime);
    const offsetMs = Number.isNaN(parsed) ? this.state.offsetMs : parsed - this.now();
    const next = new Map(countdowns.map((c) => [c.conversationSid, c]));
    next.forEach((c, sid) => {
      const before = this.state.countdowns.get(sid);
      if (c.state === 'expired' && before !== undefined && before.state !== 'expired') {
        this.onExpired(c);
      }
    });
    this.state = { countdowns: next, offsetMs };
    this.listeners.notify();
  }

  update(countdown: Countdown): void {
    const all = new Map(this.state.countdowns);
    all.set(countdown.conversationSid, countdown);
    this.apply(Array.from(all.values()), countdown.serverTime);
  }

  async refresh(): Promise<void> {
    try {
      const batch = await fetchMyCountdowns(this.client);
      this.apply(batch.timers ?? [], batch.serverTime);
    } catch {
      // A missed poll keeps the last known deadlines; the next one catches up.
    }
  }

  stop(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(async () => {
      await this.refresh();
      if (this.listeners.size > 0) {
        this.schedule(this.pollIntervalMs);
      }
    }, delayMs);
  }
}

/** The agent's one countdown store: every badge of the page reads it. */
export const countdownStoreFor = onePerManager(
  (flex: FlexGlobal, manager: PluginManager) =>
    new CountdownStore(createBackendClient(manager), getPollIntervalMs(manager), (c) =>
      flex.Notifications.showNotification(InactivityNotification.WrappedUp, { conversationSid: c.conversationSid }),
    ),
);
