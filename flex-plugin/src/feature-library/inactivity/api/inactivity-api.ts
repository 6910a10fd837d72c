import type { BackendClient } from '../../../utils/backend-client';
import type { Countdown, CountdownBatch } from '../types/inactivity';

export const fetchMyCountdowns = (client: BackendClient): Promise<CountdownBatch> =>
  client.get<CountdownBatch>('/api/inactivity');

export const snoozeCountdown = (client: BackendClient, conversationSid: string, minutes: number): Promise<Countdown> =>
  client.post<Countdown>(`/api/inactivity/${encodeURIComponent(conversationSid)}/snooze`, { minutes });
