package dev.flexkit.webhooks;

import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.store.Database;
import dev.flexkit.store.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhook inbox table (V30). A claim marks rows with a token and a lease; only the oldest row
 * of each ordering key is claimable, so two events of one conversation never run at once, on any
 * replica. PostgreSQL skips rows another replica is claiming ({@code SKIP LOCKED}); H2 is embedded
 * in one process, whose single claiming thread needs no such guard.
 */
final class WebhookInbox {
  private static final String CLAIMABLE =
      "(i.claimed_until IS NULL OR i.claimed_until < ?)"
          + " AND NOT EXISTS (SELECT 1 FROM webhook_inbox o"
          + " WHERE o.ordering_key = i.ordering_key AND o.id < i.id)";

  /** PostgreSQL's claim: one statement, skipping rows another replica is claiming. */
  private static final String POSTGRES_CLAIM =
      "UPDATE webhook_inbox SET claim = ?, claimed_until = ?, attempts = attempts + 1"
          + " WHERE (claimed_until IS NULL OR claimed_until < ?) AND id IN"
          + " (SELECT i.id FROM webhook_inbox i WHERE "
          + CLAIMABLE
          + " ORDER BY i.id LIMIT ? FOR UPDATE SKIP LOCKED)";

  private final Sql sql;
  private final boolean postgres;

  WebhookInbox(Database database) {
    this.sql = new Sql(database, "webhook inbox");
    this.postgres = database.settings().vendor() == DatabaseSettings.Vendor.POSTGRESQL;
  }

  /** Stores {@code events} in one transaction: all of them, or none (and it throws). */
  void store(List<InboxEvent> events) {
    List<Object[]> rows = new ArrayList<>(events.size());
    for (InboxEvent e : events) {
      rows.add(
          new Object[] {
            String.valueOf(e.kind().code), e.orderingKey(), e.payload(), e.receivedAt()
          });
    }
    sql.batch(
        "INSERT INTO webhook_inbox (kind, ordering_key, payload, received_at) VALUES (?, ?, ?, ?)",
        rows);
  }

  /**
   * Claims up to {@code limit} events, each the oldest of its key, until {@code leaseUntil}; oldest
   * first.
   */
  List<InboxEvent> claim(String token, long now, long leaseUntil, int limit) {
    if (postgres) {
      if (sql.update(POSTGRES_CLAIM, token, leaseUntil, now, now, limit) == 0) {
        return List.of();
      }
    } else if (!claimOnH2(token, now, leaseUntil, limit)) {
      return List.of();
    }
    return sql.query(
        "SELECT id, kind, ordering_key, payload, received_at FROM webhook_inbox"
            + " WHERE claim = ? ORDER BY id",
        rs ->
            new InboxEvent(
                rs.getLong(1),
                InboxEvent.Kind.of(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5)),
        token);
  }

  /**
   * H2 runs {@code UPDATE … WHERE id IN (SELECT …)} by re-reading the subquery as it updates (a
   * profile put most of the processor's time there), so on H2 the candidates are read first and
   * claimed by id, each only if still unclaimed.
   */
  private boolean claimOnH2(String token, long now, long leaseUntil, int limit) {
    List<Long> ids =
        sql.query(
            "SELECT i.id FROM webhook_inbox i WHERE " + CLAIMABLE + " ORDER BY i.id LIMIT ?",
            rs -> rs.getLong(1),
            now,
            limit);
    if (ids.isEmpty()) {
      return false;
    }
    List<Object[]> rows = new ArrayList<>(ids.size());
    ids.forEach(id -> rows.add(new Object[] {token, leaseUntil, id, now}));
    sql.batch(
        "UPDATE webhook_inbox SET claim = ?, claimed_until = ?, attempts = attempts + 1"
            + " WHERE id = ? AND (claimed_until IS NULL OR claimed_until < ?)",
        rows);
    return true;
  }

  /** Keeps the claims of {@code tokens} alive until {@code leaseUntil}. */
  void renew(List<String> tokens, long leaseUntil) {
    List<Object[]> rows = new ArrayList<>(tokens.size());
    tokens.forEach(t -> rows.add(new Object[] {leaseUntil, t}));
    sql.batch("UPDATE webhook_inbox SET claimed_until = ? WHERE claim = ?", rows);
  }

  /** Gives the unprocessed events of {@code tokens} back, for anyone to claim at once. */
  void release(List<String> tokens) {
    List<Object[]> rows = new ArrayList<>(tokens.size());
    tokens.forEach(t -> rows.add(new Object[] {t}));
    sql.batch("UPDATE webhook_inbox SET claim = NULL, claimed_until = NULL WHERE claim = ?", rows);
  }

  /** Processed: the events are gone. */
  void delete(List<Long> ids) {
    List<Object[]> rows = new ArrayList<>(ids.size());
    ids.forEach(id -> rows.add(new Object[] {id}));
    sql.batch("DELETE FROM webhook_inbox WHERE id = ?", rows);
  }

  /** Events stored and not yet processed, and the oldest one's arrival (epoch ms, or 0). */
  long[] backlog() {
    return sql.queryOne(
            "SELECT COUNT(*), COALESCE(MIN(received_at), 0) FROM webhook_inbox",
            rs -> new long[] {rs.getLong(1), rs.getLong(2)})
        .orElse(new long[] {0, 0});
  }
}
