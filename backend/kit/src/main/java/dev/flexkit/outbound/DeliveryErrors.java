package dev.flexkit.outbound;

import java.util.Map;
import java.util.Optional;

/**
 * Words for the delivery error codes an agent is likely to meet: Twilio's receipts carry the code
 * only (and its status callbacks often an empty message), so the list names the usual ones.
 */
final class DeliveryErrors {
  private static final Map<Integer, String> MESSAGES =
      Map.of(
          30003, "Unreachable destination handset: the phone is off or out of coverage",
          30004, "Message blocked by the recipient or their carrier",
          30005, "Unknown destination handset: the number does not exist",
          30006, "Landline or unreachable carrier",
          30007, "Filtered by the carrier as spam or a policy violation",
          30008, "Unknown delivery error",
          63016, "Outside the WhatsApp 24-hour window: send an approved template instead",
          63027, "WhatsApp has not approved this template (or it has no such language)");

  private DeliveryErrors() {}

  static Optional<String> messageFor(Integer code) {
    return code == null ? Optional.empty() : Optional.ofNullable(MESSAGES.get(code));
  }
}
