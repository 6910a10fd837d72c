package dev.flexkit.outbound;

import dev.flexkit.store.Database;
import dev.flexkit.store.Sql;
import dev.flexkit.webhooks.ConversationEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio's delivery receipts for the first message of our sends (both modes), from the
 * Conversations {@code onDeliveryUpdated} webhook. Receipts for other conversations, and for later
 * messages of ours, are not kept. A receipt that arrives before the send learnt its message sid is
 * the first message's: nothing else has been sent on that conversation yet.
 */
public final class FirstMessageDeliveries {
  static final Set<String> STATUSES = Set.of("sent", "delivered", "read", "failed", "undelivered");

  private final Sql sql;
  private final SentMessages sent;
  private final Clock clock;

  public FirstMessageDeliveries(Database database, SentMessages sent, Clock clock) {
    this.sql = new Sql(database, "delivery receipts");
    this.sent = sent;
    this.clock = clock;
  }

  public void onEvent(ConversationEvent event) {
    if (!"onDeliveryUpdated".equals(event.eventType())
        || event.conversationSid().isEmpty()
        || event.messageSid().isEmpty()) {
      return;
    }
    String status = event.get("Status").map(String::toLowerCase).orElse("");
    if (!STATUSES.contains(status)) {
      return;
    }
    String conversationSid = event.conversationSid().get();
    String messageSid = event.messageSid().get();
    boolean firstMessage =
        sent.find(conversationSid)
            .map(s -> s.messageSid() == null || s.messageSid().equals(messageSid))
            .orElse(false);
    if (firstMessage) {
      record(conversationSid, messageSid, status, errorCode(event), updatedAt(event));
    }
  }

  /** Upsert on the message sid; a receipt older than the stored one changes nothing. */
  void record(
      String conversationSid, String messageSid, String status, Integer errorCode, Instant at) {
    sql.upsert(
        new Sql.Statement(
            "UPDATE outbound_deliveries SET status = ?, error_code = ?, updated_at = ?"
                + " WHERE message_sid = ? AND updated_at <= ?",
            status,
            Sql.integer(errorCode),
            at,
            messageSid,
            at),
        new Sql.Statement("SELECT 1 FROM outbound_deliveries WHERE message_sid = ?", messageSid),
        new Sql.Statement(
            "INSERT INTO outbound_deliveries (message_sid, conversation_sid, status, error_code, updated_at)"
                + " VALUES (?,?,?,?,?)",
            messageSid,
            conversationSid,
            status,
            Sql.integer(errorCode),
            at));
  }

  private static Integer errorCode(ConversationEvent event) {
    Optional<String> raw = event.get("ErrorCode").filter(s -> !s.isBlank());
    try {
      return raw.map(Integer::parseInt).filter(code -> code != 0).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Instant updatedAt(ConversationEvent event) {
    try {
      return event
          .get("DateUpdated")
          .or(() -> event.get("DateCreated"))
          .map(Instant::parse)
          .orElseGet(clock::instant);
    } catch (DateTimeParseException e) {
      return clock.instant();
    }
  }
}
