package dev.flexkit.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One row of the agent's "sent, waiting for reply" list ({@code GET /api/outbound/sent}). {@code
 * mode} is {@code wait-for-reply}, or {@code open-chat} for an open chat whose first message
 * failed; {@code delivery.status} stays null until Twilio reports a receipt.
 */
public record SentItem(
    String conversationSid,
    String mode,
    String routeTo,
    String channel,
    String customerAddress,
    String customerName,
    String senderAddress,
    String messageSid,
    SentMessages.Status status,
    String interactionSid,
    Instant createdAt,
    Instant updatedAt,
    Delivery delivery) {

  /**
   * {@code status}: sent, delivered, read, failed or undelivered; {@code errorMessage} for known
   * codes only.
   */
  public record Delivery(
      @JsonInclude(JsonInclude.Include.ALWAYS) String status,
      @JsonInclude(JsonInclude.Include.ALWAYS) Integer errorCode,
      String errorMessage,
      @JsonInclude(JsonInclude.Include.ALWAYS) Instant updatedAt) {}
}
