package dev.flexkit.outbound;

import dev.flexkit.store.Database;
import dev.flexkit.store.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Our sends, by conversation: a "wait for reply" send waits for the customer's reply, an open chat
 * ({@link Status#OPENED}) is kept so its first message's delivery can still reach the agent. {@link
 * #claimReply} is a compare-and-set on the status, so only one replica (and one webhook retry)
 * routes a reply.
 */
public final class SentMessages {
  /**
   * {@code CLOSED}: the conversation closed (its timer, or elsewhere) before the customer replied.
   */
  public enum Status {
    WAITING,
    ROUTING,
    REPLIED,
    CANCELLED,
    CLOSED,
    OPENED
  }

  /**
   * How long answered, cancelled or closed sends (and failed open chats) stay on the agent's list.
   */
  static final Duration LIST_HORIZON = Duration.ofDays(1);

  public record Sent(
      String conversationSid,
      String agentIdentity,
      String workerSid,
      String routeTo,
      String channel,
      String customerAddress,
      String senderAddress,
      String customerName,
      String messageSid,
      Status status,
      String interactionSid,
      Instant createdAt) {}

  private static final String COLUMNS =
      "conversation_sid, agent_identity, worker_sid, route_to, channel, "
          + "customer_address, sender_address, customer_name, message_sid, status, interaction_sid, created_at";

  private final Sql sql;
  private final Clock clock;

  public SentMessages(Database database, Clock clock) {
    this.sql = new Sql(database, "outbound sends");
    this.clock = clock;
  }

  /** Records a send; a reused conversation's earlier send (and its routing) is replaced. */
  public void record(Sent s) {
    Instant now = clock.instant();
    sql.inOneTransaction(
        new Sql.Statement(
            "DELETE FROM outbound_sends WHERE conversation_sid = ?", s.conversationSid()),
        new Sql.Statement(
            "INSERT INTO outbound_sends ("
                + COLUMNS
                + ", updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            s.conversationSid(),
            s.agentIdentity(),
            s.workerSid(),
            s.routeTo(),
            s.channel(),
            s.customerAddress(),
            s.senderAddress(),
            s.customerName(),
            s.messageSid(),
            s.status(),
            s.interactionSid(),
            now,
            now));
  }

  public Optional<Sent> find(String conversationSid) {
    return sql.queryOne(
        "SELECT " + COLUMNS + " FROM outbound_sends WHERE conversation_sid = ?",
        rs ->
            new Sent(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                Status.valueOf(rs.getString(10)),
                rs.getString(11),
                Sql.instant(rs, 12)),
        conversationSid);
  }

  /**
   * The agent's list: every send still waiting, the others of the last {@link #LIST_HORIZON}, and
   * open chats only when their first message failed, newest first.
   */
  public List<SentItem> listFor(String identity) {
    Instant since = clock.instant().minus(LIST_HORIZON);
    return sql.query(
        "SELECT s.conversation_sid, s.route_to, s.channel, s.customer_address, "
            + "s.sender_address, s.customer_name, s.message_sid, s.status, s.interaction_sid, s.created_at, s.updated_at, "
            + "d.status, d.error_code, d.updated_at "
            + "FROM outbound_sends s LEFT JOIN outbound_deliveries d ON d.message_sid = s.message_sid "
            + "WHERE s.agent_identity = ? AND (s.status IN ('WAITING', 'ROUTING') "
            + "OR (s.status <> 'OPENED' AND s.updated_at >= ?) "
            + "OR (d.status IN ('failed', 'undelivered') AND d.updated_at >= ?)) "
            + "ORDER BY s.created_at DESC",
        rs -> {
          Status status = Status.valueOf(rs.getString(8));
          Integer errorCode = Sql.integer(rs, 13);
          SentItem.Delivery delivery =
              new SentItem.Delivery(
                  rs.getString(12),
                  errorCode,
                  DeliveryErrors.messageFor(errorCode).orElse(null),
                  Sql.instant(rs, 14));
          return new SentItem(
              rs.getString(1),
              status == Status.OPENED ? "open-chat" : "wait-for-reply",
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(6),
              rs.getString(5),
              rs.getString(7),
              status,
              rs.getString(9),
              Sql.instant(rs, 10),
              Sql.instant(rs, 11),
              delivery);
        },
        identity,
        since,
        since);
  }

  /** The first message's sid, once Twilio accepted it; its delivery receipts are matched on it. */
  public void messageSent(String conversationSid, String messageSid) {
    sql.update(
        "UPDATE outbound_sends SET message_sid = ?, updated_at = ? WHERE conversation_sid = ?",
        messageSid,
        clock.instant(),
        conversationSid);
  }

  /** True for the one caller that moves the send from {@code from} to {@code to}. */
  public boolean transition(String conversationSid, Status from, Status to, String interactionSid) {
    return sql.update(
            "UPDATE outbound_sends SET status = ?, updated_at = ?, "
                + "interaction_sid = COALESCE(?, interaction_sid) WHERE conversation_sid = ? AND status = ?",
            to,
            clock.instant(),
            interactionSid,
            conversationSid,
            from)
        == 1;
  }

  public boolean claimReply(String conversationSid) {
    return transition(conversationSid, Status.WAITING, Status.ROUTING, null);
  }

  public void delete(String conversationSid) {
    sql.update("DELETE FROM outbound_sends WHERE conversation_sid = ?", conversationSid);
  }
}
