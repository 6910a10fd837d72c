package dev.flexkit.whatsapp;

import dev.flexkit.store.Database;
import dev.flexkit.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * WhatsApp's 24-hour customer-service window: the customer's last inbound message per customer and
 * sender, kept in the store so a restart (or another replica) sees it. Outbound records it and checks
 * it before a free-form send; inactivity checks it before a warning.
 */
public final class WhatsappWindows {
  public static final Duration WINDOW = Duration.ofHours(24);

  public record Window(boolean open, Instant lastInboundAt, Instant closesAt) {}

  private final Database database;
  private final Clock clock;

  public WhatsappWindows(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public void inbound(String customer, String sender, Instant at) {
    try (Connection c = database.connection()) {
      try (PreparedStatement update = c.prepareStatement(
          "UPDATE whatsapp_windows SET last_inbound_at = ? WHERE customer_address = ? AND sender_address = ? AND last_inbound_at < ?")) {
        update.setTimestamp(1, Timestamp.from(at));
        update.setString(2, customer);
        update.setString(3, sender);
        update.setTimestamp(4, Timestamp.from(at));
        if (update.executeUpdate() > 0 || find(c, customer, sender).isPresent()) {
          return;
        }
      }
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO whatsapp_windows (customer_address, sender_address, last_inbound_at) VALUES (?,?,?)")) {
        insert.setString(1, customer);
        insert.setString(2, sender);
        insert.setTimestamp(3, Timestamp.from(at));
        insert.executeUpdate();
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState())) {
          throw e;
        }
        inbound(customer, sender, at); // another replica inserted first: compare again
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record WhatsApp inbound", e);
    }
  }

  public Window window(String customer, String sender) {
    try (Connection c = database.connection()) {
      Optional<Instant> last = find(c, customer, sender);
      if (last.isEmpty()) {
        return new Window(false, null, null);
      }
      Instant closes = last.get().plus(WINDOW);
      return new Window(clock.instant().isBefore(closes), last.get(), closes);
    } catch (SQLException e) {
      throw new StoreException("cannot read WhatsApp window", e);
    }
  }

  private static Optional<Instant> find(Connection c, String customer, String sender) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT last_inbound_at FROM whatsapp_windows WHERE customer_address = ? AND sender_address = ?")) {
      ps.setString(1, customer);
      ps.setString(2, sender);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
      }
    }
  }
}
