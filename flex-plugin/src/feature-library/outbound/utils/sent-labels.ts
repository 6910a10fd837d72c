import { OutboundStringKey, outboundText } from '../flex-hooks/strings';
import enUS from '../strings/en-us.json';
import type { SentMessage } from '../types/outbound';

/** "Dana (+1 415…)" or the bare address. */
export const customerLabel = (item: SentMessage): string => {
  const address = item.customerAddress.replace(/^whatsapp:/, '');
  return item.customerName ? `${item.customerName} (${address})` : address;
};

/**
 * Why the first message did not arrive, in the agent's words: our string for a known code
 * (`FMKOutboundDeliveryError<code>`, overridable), else the backend's text, else the bare code.
 */
export const deliveryReason = (strings: Record<string, string | undefined>, item: SentMessage): string => {
  const { errorCode, errorMessage, status } = item.delivery ?? {};
  const key = `FMKOutboundDeliveryError${errorCode}`;
  const known = errorCode ? strings[key] ?? (enUS as Record<string, string>)[key] : undefined;
  if (known) {
    return known;
  }
  if (errorMessage) {
    return errorCode ? `${errorMessage} (${errorCode})` : errorMessage;
  }
  if (errorCode) {
    return outboundText(strings, 'FMKOutboundDeliveryErrorCode', { code: errorCode });
  }
  const fallback: OutboundStringKey = status === 'failed' ? 'FMKOutboundDeliveryFailedBadge' : 'FMKOutboundDeliveryUndelivered';
  return outboundText(strings, fallback);
};
