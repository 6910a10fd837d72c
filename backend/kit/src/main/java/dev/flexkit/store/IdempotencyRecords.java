package dev.flexkit.store;

import java.time.Clock;
import java.util.Optional;

/**
 * Claims on idempotency keys. The primary key makes the first {@link #claim} win on every replica
 * sharing the database; later callers read what the winner recorded.
 */
public final class IdempotencyRecords {
  public enum State {
    PENDING,
    COMPLETED
  }

  public record Record(
      String scope,
      String key,
      String requestHash,
      State state,
      Integer responseStatus,
      String responseBody) {}

  /** Either this caller now owns the key, or it gets the record someone else made. */
  public record Claim(boolean owned, Record record) {}

  private final Sql sql;
  private final Clock clock;

  public IdempotencyRecords(Database database, Clock clock) {
    this.sql = new Sql(database, "idempotency keys");
    this.clock = clock;
  }

  public Claim claim(String scope, String key, String requestHash) {
    if (sql.insertUnlessPresent(
        "INSERT INTO idempotency_records (scope, idempotency_key, request_hash, state, created_at)"
            + " VALUES (?,?,?,?,?)",
        scope,
        key,
        requestHash,
        State.PENDING,
        clock.instant())) {
      return new Claim(true, new Record(scope, key, requestHash, State.PENDING, null, null));
    }
    return new Claim(
        false,
        find(scope, key)
            .orElseThrow(
                () -> new StoreException("idempotency key vanished while claiming", null)));
  }

  public void complete(String scope, String key, int responseStatus, String responseBody) {
    sql.update(
        "UPDATE idempotency_records SET state = ?, response_status = ?, response_body = ?, completed_at = ? "
            + "WHERE scope = ? AND idempotency_key = ?",
        State.COMPLETED,
        responseStatus,
        responseBody,
        clock.instant(),
        scope,
        key);
  }

  /** Gives the key back after a failure that changed nothing, so the client may retry. */
  public void release(String scope, String key) {
    sql.update(
        "DELETE FROM idempotency_records WHERE scope = ? AND idempotency_key = ? AND state = 'PENDING'",
        scope,
        key);
  }

  public Optional<Record> find(String scope, String key) {
    return sql.queryOne(
        "SELECT request_hash, state, response_status, response_body FROM idempotency_records "
            + "WHERE scope = ? AND idempotency_key = ?",
        rs ->
            new Record(
                scope,
                key,
                rs.getString(1),
                State.valueOf(rs.getString(2)),
                Sql.integer(rs, 3),
                rs.getString(4)),
        scope,
        key);
  }
}
