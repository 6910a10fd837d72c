import type { BackendClient } from '../../../utils/backend-client';
import type { Countdown } from '../types/inactivity';
import { fetchMyCountdowns } from './inactivity-api';

type Listener = () => void;

/**
 * The agent's countdowns, polled from the server by one loop for every badge on the page. It also
 * keeps the offset between the server's clock and this browser's, so a badge shows the server's
 * remaining time even when the local clock is wrong. It never decides anything itself.
 */
export class CountdownStore {
  private countdowns = new Map<string, Countdown>();

  private offsetMs = 0;

  private readonly listeners = new Set<Listener>();

  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: BackendClient,
    private readonly pollIntervalMs: number,
    private readonly onExpired: (countdown: Countdown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get(conversationSid: string): Countdown | undefined {
    return this.countdowns.get(conversationSid);
  }

  /** This browser's idea of the server's current time, in ms since the epoch. */
  serverNow(): number {
    return this.now() + this.offsetMs;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.schedule(0);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== undefined) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** Applies one server answer (a poll, or a snooze's result). */
  apply(countdowns: Countdown[], serverTime: string): void {
    const parsed = Date.parse(serverTime);
    if (!Number.isNaN(parsed)) {
      this.offsetMs = parsed - this.now();
    }
    const next = new Map(countdowns.map((c) => [c.conversationSid, c]));
    next.forEach((c, sid) => {
      const before = this.countdowns.get(sid);
      if (c.state === 'expired' && before !== undefined && before.state !== 'expired') {
        this.onExpired(c);
      }
    });
    this.countdowns = next;
    this.listeners.forEach((l) => l());
  }

  update(countdown: Countdown): void {
    const all = new Map(this.countdowns);
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

  private schedule(delayMs: number): void {
    this.timer = setTimeout(async () => {
      await this.refresh();
      if (this.listeners.size > 0) {
        this.schedule(this.pollIntervalMs);
      }
    }, delayMs);
  }
}
