import type { BackendClient } from '../../../utils/backend-client';
import type {
  OutboundChannel,
  OutboundResult,
  SendOutboundMessagePayload,
  SentMessages,
  Templates,
  WhatsappWindow,
} from '../types/outbound';

/** The seed plugin's `messageType`, when it names one of our channels. */
const seedChannel = (messageType: unknown): OutboundChannel | undefined => {
  const type = typeof messageType === 'string' ? messageType.toLowerCase() : undefined;
  return type === 'sms' || type === 'whatsapp' ? type : undefined;
};

const channelOf = (payload: SendOutboundMessagePayload): OutboundChannel =>
  payload.channel ??
  seedChannel(payload.messageType) ??
  (payload.destination.startsWith('whatsapp:') || (payload.callerId ?? '').startsWith('whatsapp:')
    ? 'whatsapp'
    : 'sms');

/** The action payload as `POST /api/outbound/messages` wants it. */
export const toRequest = (payload: SendOutboundMessagePayload) => {
  // The seed's name for the content template; ours wins when both are given.
  const contentSid = payload.contentSid || payload.contentTemplateSid || undefined;
  return {
    to: payload.destination.replace(/^whatsapp:/, ''),
    channel: channelOf(payload),
    from: payload.callerId || undefined,
    body: contentSid ? undefined : payload.body,
    contentSid,
    contentVariables: contentSid ? payload.contentVariables : undefined,
    mode: payload.openChat ? 'open-chat' : 'wait-for-reply',
    routeTo: payload.routeToMe ? 'me' : 'any',
    customerName: payload.customerName,
    onExisting: payload.onExisting,
  };
};

export const newIdempotencyKey = (): string =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export const sendOutbound = (client: BackendClient, payload: SendOutboundMessagePayload, key: string) =>
  client.post<OutboundResult>('/api/outbound/messages', toRequest(payload), { headers: { 'Idempotency-Key': key } });

export const fetchWindow = (client: BackendClient, to: string, from: string) =>
  client.get<WhatsappWindow>(`/api/outbound/window?to=${encodeURIComponent(to)}&from=${encodeURIComponent(from)}`);

export const fetchTemplates = (client: BackendClient, channel: OutboundChannel) =>
  client.get<Templates>(`/api/templates?channel=${channel}`);

export const fetchSent = (client: BackendClient) => client.get<SentMessages>('/api/outbound/sent');

export const cancelSent = (client: BackendClient, conversationSid: string) =>
  client.delete<void>(`/api/outbound/sent/${encodeURIComponent(conversationSid)}`);
