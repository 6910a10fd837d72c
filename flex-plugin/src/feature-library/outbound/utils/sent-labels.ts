import { OutboundStringKey, outboundText } from '../flex-hooks/strings';
import enUS from '../strings/en-us.json';
import type { SentMessage } from '../types/outbound';

export const customerAddressOf = (item: SentMessage): string => item.customerAddress.replace(/^whatsapp:/, '');

/** The customer's name, when the send had one (the backend falls back to the number itself). */
export const customerNameOf = (item: SentMessage): string | null => {
  const name = item.customerName?.trim();
  return name && name.replace(/^whatsapp:/, '') !== customerAddressOf(item) ? name : null;
};

/** "Dana (+1415…)" or the bare number. */
export const customerLabel = (item: SentMessage): string => {
  const name = customerNameOf(item);
  return name ? `${name} (${customerAddressOf(item)})` : customerAddressOf(item);
};

/**
 * Why the first message did not arrive, in the agent's words: our string for a known code
 * (`FMKOutboundDeliveryError<code>`, overridable), else the backend's text, else the bare code.
 */
export const deliveryReason = (strings: Record<string, string | undefined>, item: SentMessage): string => {
  const { errorCode, errorMessage, status } = item.delivery ?? {};
  const key = `FMKOutboundDeliveryError${errorCode}`;
  const known = errorCode ? (strings[key] ?? (enUS as Record<string, string>)[key]) : undefined;
  if (known) {
    return known;
  }
  if (errorMessage) {
    return errorCode ? `${errorMessage} (${errorCode})` : errorMessage;
  }
  if (errorCode) {
    return outboundText(strings, 'FMKOutboundDeliveryErrorCode', { code: errorCode });
  }
  const fallback: OutboundStringKey =
    status === 'failed' ? 'FMKOutboundDeliveryFailedBadge' : 'FMKOutboundDeliveryUndelivered';
  return outboundText(strings, fallback);
};
