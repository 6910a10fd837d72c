export type OutboundChannel = 'sms' | 'whatsapp';

/** `SendOutboundMessage`'s payload: the seed's fields plus WhatsApp content and our options. */
export interface SendOutboundMessagePayload {
  destination: string;
  callerId?: string;
  routeToMe: boolean;
  openChat: boolean;
  body?: string;
  contentSid?: string;
  /** The seed plugin's name for `contentSid`. */
  contentTemplateSid?: string;
  /** The seed plugin's channel: `sms` or `whatsapp`. */
  messageType?: string;
  contentVariables?: Record<string, string>;
  channel?: OutboundChannel;
  customerName?: string;
  onExisting?: 'fail' | 'reuse' | 'close';
  /** One per attempt; the action makes one when absent. */
  idempotencyKey?: string;
}

/** `POST /api/outbound/messages` → 201. */
export interface OutboundResult {
  conversationSid: string;
  interactionSid?: string | null;
  messageSid: string;
  reused: boolean;
}

/** The 409 `conversation_exists` / `conversation_busy` body's error. */
export interface ConversationConflict {
  code: string;
  message: string;
  conversationSid: string;
  ownerIdentity?: string | null;
  taskStatus?: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface WhatsappWindow {
  open: boolean;
  lastInboundAt?: string | null;
  closesAt?: string | null;
}

export interface CannedMessage {
  id: string;
  name: string;
  channels: string[];
  body: string;
}

export interface ContentTemplate {
  sid: string;
  name: string;
  language?: string;
  body: string;
  variables: string[];
  sampleValues: Record<string, string>;
}

export interface Templates {
  canned: CannedMessage[];
  contentTemplates: ContentTemplate[];
}

export interface Senders {
  sms: string[];
  whatsapp: string[];
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered';

export type SentStatus = 'WAITING' | 'ROUTING' | 'REPLIED' | 'CANCELLED' | 'CLOSED' | 'OPENED';

/** One row of `GET /api/outbound/sent`. */
export interface SentMessage {
  conversationSid: string;
  mode: 'wait-for-reply' | 'open-chat';
  routeTo: 'me' | 'any';
  channel: OutboundChannel;
  customerAddress: string;
  customerName?: string | null;
  senderAddress: string;
  messageSid?: string | null;
  status: SentStatus;
  interactionSid?: string | null;
  createdAt: string;
  updatedAt: string;
  /** `status` is null until Twilio reports a receipt for the first message. */
  delivery: {
    status: DeliveryStatus | null;
    errorCode: number | null;
    errorMessage?: string | null;
    updatedAt: string | null;
  };
}

export interface SentMessages {
  sent: SentMessage[];
}
