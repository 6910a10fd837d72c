export type CountdownState = 'active' | 'warned' | 'paused' | 'expired' | 'stopped';

/** One conversation's countdown as the backend computes it (`GET /api/inactivity`). */
export interface Countdown {
  conversationSid: string;
  taskSid: string | null;
  channelType: string | null;
  state: CountdownState;
  deadline: string | null;
  warningAt: string | null;
  serverTime: string;
}

export interface CountdownBatch {
  timers: Countdown[];
  serverTime: string;
}
