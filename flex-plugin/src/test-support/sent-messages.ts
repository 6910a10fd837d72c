import type { SentMessage } from '../feature-library/outbound/types/outbound';

/** A row of GET /api/outbound/sent: a waiting SMS to Dana unless told otherwise. */
export const sentItem = (
  overrides: Partial<SentMessage> = {},
  delivery: Partial<SentMessage['delivery']> = {},
): SentMessage => ({
  conversationSid: 'CH1',
  mode: 'wait-for-reply',
  routeTo: 'me',
  channel: 'sms',
  customerAddress: '+14155550100',
  customerName: 'Dana',
  senderAddress: '+15005550006',
  messageSid: 'IM1',
  status: 'WAITING',
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
  ...overrides,
  delivery: { status: null, errorCode: null, updatedAt: null, ...delivery },
});
