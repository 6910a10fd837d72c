package dev.flexkit.outbound;

import dev.flexkit.store.Database;
import dev.flexkit.store.StoreException;
import dev.flexkit.webhooks.ConversationEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
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

  private final Database database;
  private final SentMessages sent;
  private final Clock clock;

  public FirstMessageDeliveries(Database database, SentMessages sent, Clock clock) {
    this.database = database;
    this.sent = sent;
    this.clock = clock;
  }

  public void onEvent(ConversationEvent event) {
    if (!"onDeliveryUpdated".equals(event.eventType()) || event.conversationSid().isEmpty() || event.messageSid().isEmpty()) {
      return;
    }
    String status = event.get("Status").map(String::toLowerCase).orElse("");
    if (!STATUSES.contains(status)) {
      return;
    }
    String conversationSid = event.conversationSid().get();
    String messageSid = event.messageSid().get();
    boolean firstMessage = sent.find(conversationSid)
        .map(s -> s.messageSid() == null || s.messageSid().equals(messageSid)).orElse(false);
    if (firstMessage) {
      record(conversationSid, messageSid, status, errorCode(event), updatedAt(event));
    }
  }

  /** Upsert on the message sid; a receipt older than the stored one changes nothing. */
  void record(String conversationSid, String messageSid, String status, Integer errorCode, Instant at) {
    try (Connection c = database.connection()) {
      try (PreparedStatement update = c.prepareStatement("UPDATE outbound_deliveries SET status = ?, error_code = ?, "
          + "updated_at = ? WHERE message_sid = ? AND updated_at <= ?")) {
        update.setString(1, status);
        setErrorCode(update, 2, errorCode);
        update.setTimestamp(3, Timestamp.from(at));
        update.setString(4, messageSid);
        update.setTimestamp(5, Timestamp.from(at));
        if (update.executeUpdate() > 0 || exists(c, messageSid)) {
          return;
        }
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbound_deliveries "
          + "(message_sid, conversation_sid, status, error_code, updated_at) VALUES (?,?,?,?,?)")) {
        insert.setString(1, messageSid);
        insert.setString(2, conversationSid);
        insert.setString(3, status);
        setErrorCode(insert, 4, errorCode);
        insert.setTimestamp(5, Timestamp.from(at));
        insert.executeUpdate();
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState())) {
          throw e;
        }
        record(conversationSid, messageSid, status, errorCode, at); // a concurrent retry inserted first: compare again
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record delivery receipt", e);
    }
  }

  private static boolean exists(Connection c, String messageSid) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outbound_deliveries WHERE message_sid = ?")) {
      ps.setString(1, messageSid);
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void setErrorCode(PreparedStatement ps, int index, Integer errorCode) throws SQLException {
    if (errorCode == null) {
      ps.setNull(index, java.sql.Types.INTEGER);
    } else {
      ps.setInt(index, errorCode);
    }
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
      return event.get("DateUpdated").or(() -> event.get("DateCreated")).map(Instant::parse).orElseGet(clock::instant);
    } catch (DateTimeParseException e) {
      return clock.instant();
    }
  }
}
