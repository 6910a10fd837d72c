package dev.flexkit.outbound;

import dev.flexkit.store.Database;
import dev.flexkit.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends waiting for the customer's reply. {@link #claimReply} is a compare-and-set on the status,
 * so only one replica (and one webhook retry) routes a reply.
 */
public final class SentMessages {
  public enum Status { WAITING, ROUTING, REPLIED, CANCELLED }

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

  public List<Sent> byAgent(String identity) {
    return query("WHERE agent_identity = ? ORDER BY created_at DESC", identity);
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
