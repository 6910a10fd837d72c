package dev.flexkit.outbound;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our sends, by conversation: a "wait for reply" send waits for the customer's reply, an open chat
 * ({@link Status#OPENED}) is kept so its first message's delivery can still reach the agent.
 * {@link #claimReply} is a compare-and-set on the status, so only one replica (and one webhook
 * retry) routes a reply.
 */
public final class SentMessages {
  /** {@code CLOSED}: the conversation closed (its timer, or elsewhere) before the customer replied. */
  public enum Status { WAITING, ROUTING, REPLIED, CANCELLED, CLOSED, OPENED }

  /** How long answered, cancelled or closed sends (and failed open chats) stay on the agent's list. */
  static final Duration LIST_HORIZON = Duration.ofDays(1);

  public record Sent(String conversationSid, String agentIdentity, String workerSid, String routeTo, String channel,
                     String customerAddress, String senderAddress, String customerName, String messageSid,
                     Status status, String interactionSid, Instant createdAt) {}

  private final Database database;
  private final Clock clock;

  public SentMessages(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Records a send; a reused conversation's earlier send (and its routing) is replaced. */
  public void record(Sent s) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbound_sends WHERE conversation_sid = ?");
           PreparedStatement insert = c.prepareStatement(
               "INSERT INTO outbound_sends (conversation_sid, agent_identity, worker_sid, route_to, channel, customer_address, "
                   + "sender_address, customer_name, message_sid, status, interaction_sid, created_at, updated_at) "
                   + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        delete.setString(1, s.conversationSid());
        delete.executeUpdate();
        Timestamp now = Timestamp.from(clock.instant());
        insert.setString(1, s.conversationSid());
        insert.setString(2, s.agentIdentity());
        insert.setString(3, s.workerSid());
        insert.setString(4, s.routeTo());
        insert.setString(5, s.channel());
        insert.setString(6, s.customerAddress());
        insert.setString(7, s.senderAddress());
        insert.setString(8, s.customerName());
        insert.setString(9, s.messageSid());
        insert.setString(10, s.status().name());
        insert.setString(11, s.interactionSid());
        insert.setTimestamp(12, now);
        insert.setTimestamp(13, now);
        insert.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record outbound send", e);
    }
  }

  public Optional<Sent> find(String conversationSid) {
    List<Sent> found = query("WHERE conversation_sid = ?", conversationSid);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * The agent's list: every send still waiting, the others of the last {@link #LIST_HORIZON}, and
   * open chats only when their first message failed, newest first.
   */
  public List<SentItem> listFor(String identity) {
    Timestamp since = Timestamp.from(clock.instant().minus(LIST_HORIZON));
    try (Connection c = database.connection();
         PreparedStatement ps = c.prepareStatement("SELECT s.conversation_sid, s.route_to, s.channel, s.customer_address, "
             + "s.sender_address, s.customer_name, s.message_sid, s.status, s.interaction_sid, s.created_at, s.updated_at, "
             + "d.status, d.error_code, d.updated_at "
             + "FROM outbound_sends s LEFT JOIN outbound_deliveries d ON d.message_sid = s.message_sid "
             + "WHERE s.agent_identity = ? AND (s.status IN ('WAITING', 'ROUTING') "
             + "OR (s.status <> 'OPENED' AND s.updated_at >= ?) "
             + "OR (d.status IN ('failed', 'undelivered') AND d.updated_at >= ?)) "
             + "ORDER BY s.created_at DESC")) {
      ps.setString(1, identity);
      ps.setTimestamp(2, since);
      ps.setTimestamp(3, since);
      List<SentItem> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Status status = Status.valueOf(rs.getString(8));
          Integer errorCode = (Integer) rs.getObject(13, Integer.class);
          Timestamp deliveredAt = rs.getTimestamp(14);
          SentItem.Delivery delivery = new SentItem.Delivery(rs.getString(12), errorCode,
              DeliveryErrors.messageFor(errorCode).orElse(null), deliveredAt == null ? null : deliveredAt.toInstant());
          out.add(new SentItem(rs.getString(1), status == Status.OPENED ? "open-chat" : "wait-for-reply", rs.getString(2),
              rs.getString(3), rs.getString(4), rs.getString(6), rs.getString(5), rs.getString(7), status, rs.getString(9),
              rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(), delivery));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read outbound sends", e);
    }
  }

  /** The first message's sid, once Twilio accepted it; its delivery receipts are matched on it. */
  public void messageSent(String conversationSid, String messageSid) {
    try (Connection c = database.connection();
         PreparedStatement ps = c.prepareStatement(
             "UPDATE outbound_sends SET message_sid = ?, updated_at = ? WHERE conversation_sid = ?")) {
      ps.setString(1, messageSid);
      ps.setTimestamp(2, Timestamp.from(clock.instant()));
      ps.setString(3, conversationSid);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update outbound send", e);
    }
  }

  /** True for the one caller that moves the send from {@code from} to {@code to}. */
  public boolean transition(String conversationSid, Status from, Status to, String interactionSid) {
    try (Connection c = database.connection();
         PreparedStatement ps = c.prepareStatement("UPDATE outbound_sends SET status = ?, updated_at = ?, "
             + "interaction_sid = COALESCE(?, interaction_sid) WHERE conversation_sid = ? AND status = ?")) {
      ps.setString(1, to.name());
      ps.setTimestamp(2, Timestamp.from(clock.instant()));
      ps.setString(3, interactionSid);
      ps.setString(4, conversationSid);
      ps.setString(5, from.name());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot update outbound send", e);
    }
  }

  public boolean claimReply(String conversationSid) {
    return transition(conversationSid, Status.WAITING, Status.ROUTING, null);
  }

  public void delete(String conversationSid) {
    try (Connection c = database.connection();
         PreparedStatement ps = c.prepareStatement("DELETE FROM outbound_sends WHERE conversation_sid = ?")) {
      ps.setString(1, conversationSid);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot delete outbound send", e);
    }
  }

  private List<Sent> query(String where, String arg) {
    try (Connection c = database.connection();
         PreparedStatement ps = c.prepareStatement("SELECT conversation_sid, agent_identity, worker_sid, route_to, channel, "
             + "customer_address, sender_address, customer_name, message_sid, status, interaction_sid, created_at "
             + "FROM outbound_sends " + where)) {
      ps.setString(1, arg);
      List<Sent> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Sent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), Status.valueOf(rs.getString(10)),
              rs.getString(11), rs.getTimestamp(12).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read outbound sends", e);
    }
  }
}
