package dev.flexkit.whatsapp;

import dev.flexkit.store.Database;
import dev.flexkit.store.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * WhatsApp's 24-hour customer-service window: the customer's last inbound message per customer and
 * sender, kept in the store so a restart (or another replica) sees it. Outbound records it and
 * checks it before a free-form send; inactivity checks it before a warning.
 */
public final class WhatsappWindows {
  public static final Duration WINDOW = Duration.ofHours(24);

  public record Window(boolean open, Instant lastInboundAt, Instant closesAt) {}

  private final Sql sql;
  private final Clock clock;

  public WhatsappWindows(Database database, Clock clock) {
    this.sql = new Sql(database, "WhatsApp windows");
    this.clock = clock;
  }

  public void inbound(String customer, String sender, Instant at) {
    sql.upsert(
        new Sql.Statement(
            "UPDATE whatsapp_windows SET last_inbound_at = ?"
                + " WHERE customer_address = ? AND sender_address = ? AND last_inbound_at < ?",
            at,
            customer,
            sender,
            at),
        new Sql.Statement(
            "SELECT 1 FROM whatsapp_windows WHERE customer_address = ? AND sender_address = ?",
            customer,
            sender),
        new Sql.Statement(
            "INSERT INTO whatsapp_windows (customer_address, sender_address, last_inbound_at)"
                + " VALUES (?,?,?)",
            customer,
            sender,
            at));
  }

  public Window window(String customer, String sender) {
    Optional<Instant> last = lastInbound(customer, sender);
    if (last.isEmpty()) {
      return new Window(false, null, null);
    }
    Instant closes = last.get().plus(WINDOW);
    return new Window(clock.instant().isBefore(closes), last.get(), closes);
  }

  private Optional<Instant> lastInbound(String customer, String sender) {
    return sql.queryOne(
        "SELECT last_inbound_at FROM whatsapp_windows WHERE customer_address = ? AND sender_address = ?",
        rs -> Sql.instant(rs, 1),
        customer,
        sender);
  }
}
