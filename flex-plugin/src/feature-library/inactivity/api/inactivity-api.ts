import type { BackendClient } from '../../../utils/backend-client';
import type { Countdown, CountdownBatch } from '../types/inactivity';

export const fetchMyCountdowns = (client: BackendClient): Promise<CountdownBatch> =>
  client.get<CountdownBatch>('/api/inactivity');

const snoozePath = (conversationSid: string) => `/api/inactivity/${encodeURIComponent(conversationSid)}/snooze`;

/** Moves the deadline `minutes` later. */
export const snoozeCountdown = (client: BackendClient, conversationSid: string, minutes: number): Promise<Countdown> =>
  client.post<Countdown>(snoozePath(conversationSid), { minutes });

/** Stops the countdown until the customer writes again (or the agent resumes it). */
export const pauseCountdown = (client: BackendClient, conversationSid: string): Promise<Countdown> =>
  client.post<Countdown>(snoozePath(conversationSid), { pause: true });

/** Restarts a paused countdown in full. */
export const resumeCountdown = (client: BackendClient, conversationSid: string): Promise<Countdown> =>
  client.post<Countdown>(snoozePath(conversationSid), { resume: true });
