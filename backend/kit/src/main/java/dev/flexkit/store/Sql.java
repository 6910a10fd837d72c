package dev.flexkit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way the stores reach the database: a statement, its parameters in order, and for a query
 * how a row becomes a value. Each call takes a pooled connection and gives it back. Failures become
 * {@link StoreException}s that name the store.
 */
public final class Sql {
  private static final String UNIQUE_VIOLATION = "23505";

  /** Reads the current row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** A statement and its parameters, in order. */
  public record Statement(String sql, Object... params) {}

  /** A SQL NULL of a known type: PostgreSQL needs the type even when the value is absent. */
  private record TypedNull(int sqlType) {}

  private final Database database;
  private final String store;

  /** {@code store} names the store in error messages, e.g. {@code "inactivity timers"}. */
  public Sql(Database database, String store) {
    this.database = database;
    this.store = store;
  }

  /** A timestamp parameter; {@code null} binds a typed NULL. */
  public static Object time(Instant instant) {
    return instant == null ? new TypedNull(Types.TIMESTAMP) : Timestamp.from(instant);
  }

  /** An integer parameter; {@code null} binds a typed NULL. */
  public static Object integer(Integer value) {
    return value == null ? new TypedNull(Types.INTEGER) : value;
  }

  /** Rows changed. */
  public int update(String sql, Object... params) {
    try (Connection c = database.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Runs an INSERT; false, and nothing changed, when a row with the same key exists already. */
  public boolean insertUnlessPresent(String sql, Object... params) {
    try (Connection c = database.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw failure(e);
    }
  }

  /**
   * Inserts or updates one row, where the UPDATE carries the condition that makes a write win (e.g.
   * "only if newer"): runs {@code update}; if it changed nothing and no row has the key ({@code
   * keyExists} finds none), runs {@code insert}; if another writer inserted the key first, compares
   * again with {@code update}.
   */
  public void upsert(Statement update, Statement keyExists, Statement insert) {
    if (update(update.sql(), update.params()) > 0
        || !query(keyExists.sql(), rs -> true, keyExists.params()).isEmpty()) {
      return;
    }
    if (!insertUnlessPresent(insert.sql(), insert.params())) {
      update(update.sql(), update.params());
    }
  }

  /** All of {@code statements}, in one transaction: all of them take effect, or none. */
  public void inOneTransaction(Statement... statements) {
    inTransaction(
        c -> {
          for (Statement statement : statements) {
            try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
              bind(ps, statement.params());
              ps.executeUpdate();
            }
          }
        });
  }

  /** One statement run once per parameter list, as one JDBC batch in one transaction. */
  public void batch(String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
              bind(ps, row);
              ps.addBatch();
            }
            ps.executeBatch();
          }
        });
  }

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private void inTransaction(Work work) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  public <T> List<T> query(String sql, Row<T> row, Object... params) {
    try (Connection c = database.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** The first row, if any. */
  public <T> Optional<T> queryOne(String sql, Row<T> row, Object... params) {
    return query(sql, row, params).stream().findFirst();
  }

  /** A timestamp column, or null. */
  public static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** An integer column, or null. */
  public static Integer integer(ResultSet rs, int column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof TypedNull n) {
        ps.setNull(i + 1, n.sqlType());
      } else if (p == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else if (p instanceof Instant instant) {
        ps.setTimestamp(i + 1, Timestamp.from(instant));
      } else if (p instanceof Enum<?> e) {
        ps.setString(i + 1, e.name());
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  private StoreException failure(SQLException e) {
    return new StoreException(store + ": " + e.getMessage(), e);
  }
}
