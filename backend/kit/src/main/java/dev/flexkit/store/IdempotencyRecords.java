package dev.flexkit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Claims on idempotency keys. The primary key makes the first {@link #claim} win on every
 * replica sharing the database; later callers read what the winner recorded.
 */
public final class IdempotencyRecords {
  private static final String UNIQUE_VIOLATION = "23505";

  public enum State { PENDING, COMPLETED }

  public record Record(String scope, String key, String requestHash, State state,
                       Integer responseStatus, String responseBody) {}

  /** Either this caller now owns the key, or it gets the record someone else made. */
  public record Claim(boolean owned, Record record) {}

  private final Database database;
  private final Clock clock;

  public IdempotencyRecords(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public Claim claim(String scope, String key, String requestHash) {
    try (Connection c = database.connection();
         PreparedStatement insert = c.prepareStatement(
             "INSERT INTO idempotency_records (scope, idempotency_key, request_hash, state, created_at) VALUES (?,?,?,?,?)")) {
      insert.setString(1, scope);
      insert.setString(2, key);
      insert.setString(3, requestHash);
      insert.setString(4, State.PENDING.name());
      insert.setTimestamp(5, Timestamp.from(clock.instant()));
      insert.executeUpdate();
      return new Claim(true, new Record(scope, key, requestHash, State.PENDING, null, null));
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new StoreException("cannot claim idempotency key", e);
      }
    }
    return new Claim(false, find(scope, key).orElseThrow(
        () -> new StoreException("idempotency key vanished while claiming", null)));
  }

  public void complete(String scope, String key, int responseStatus, String responseBody) {
    update("UPDATE idempotency_records SET state = ?, response_status = ?, response_body = ?, completed_at = ? "
        + "WHERE scope = ? AND idempotency_key = ?", ps -> {
          ps.setString(1, State.COMPLETED.name());
          ps.setInt(2, responseStatus);
          ps.setString(3, responseBody);
          ps.setTimestamp(4, Timestamp.from(clock.instant()));
          ps.setString(5, scope);
          ps.setString(6, key);
        });
  }

  /** Gives the key back after a failure that changed nothing, so the client may retry. */
  public void release(String scope, String key) {
    update("DELETE FROM idempotency_records WHERE scope = ? AND idempotency_key = ? AND state = 'PENDING'", ps -> {
      ps.setString(1, scope);
      ps.setString(2, key);
    });
  }

  public Optional<Record> find(String scope, String key) {
    try (Connection c = database.connection();
         PreparedStatement ps = c.prepareStatement(
             "SELECT request_hash, state, response_status, response_body FROM idempotency_records "
                 + "WHERE scope = ? AND idempotency_key = ?")) {
      ps.setString(1, scope);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int status = rs.getInt(3);
        return Optional.of(new Record(scope, key, rs.getString(1), State.valueOf(rs.getString(2)),
            rs.wasNull() ? null : status, rs.getString(4)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read idempotency key", e);
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private void update(String sql, Binder binder) {
    try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update idempotency key", e);
    }
  }
}
