package dev.flexkit.sandbox.conversations;

import java.time.Instant;
import java.util.List;

/** A conversation message, with one delivery receipt per SMS/WhatsApp customer it was sent to. */
public record Message(
    String sid,
    String conversationSid,
    int index,
    String author,
    String body,
    String contentSid,
    String attributes,
    String participantSid,
    Instant dateCreated,
    Instant dateUpdated,
    List<Receipt> receipts) {
  /**
   * {@code status}: sent, delivered, read, failed or undelivered; {@code errorCode} 0 when none.
   */
  public record Receipt(
      String sid,
      String messageSid,
      String conversationSid,
      String participantSid,
      String channelMessageSid,
      String status,
      int errorCode,
      Instant dateCreated,
      Instant dateUpdated) {}

  Message edited(String newAuthor, String newBody, String newAttributes, Instant at) {
    return new Message(
        sid,
        conversationSid,
        index,
        newAuthor,
        newBody,
        contentSid,
        newAttributes,
        participantSid,
        dateCreated,
        at,
        receipts);
  }
}
