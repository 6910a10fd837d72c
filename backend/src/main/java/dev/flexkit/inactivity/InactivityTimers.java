package dev.flexkit.inactivity;

import dev.flexkit.inactivity.Timer.State;
import dev.flexkit.store.Database;
import dev.flexkit.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timers, in the shared store. Every change is a compare-and-set on {@code version}, so two
 * replicas (or a webhook racing the scheduler) never both win the same step.
 */
public final class InactivityTimers {
  private static final String COLUMNS = "conversation_sid, task_sid, worker_sid, interaction_sid, channel_sid, channel_type, "
      + "queue_sid, customer_address, state, deadline, warning_at, next_fire_at, last_customer_at, version";

  private final Database database;

  public InactivityTimers(Database database) {
    this.database = database;
  }

  public Optional<Timer> find(String conversationSid) {
    List<Timer> rows = query("SELECT " + COLUMNS + " FROM inactivity_timers WHERE conversation_sid = ?", conversationSid);
    return rows.stream().findFirst();
  }

  public List<Timer> forWorker(String workerSid) {
    return query("SELECT " + COLUMNS + " FROM inactivity_timers WHERE worker_sid = ? AND state IN ('ACTIVE','WARNING','WARNED','PAUSED','EXPIRED')"
        + " ORDER BY conversation_sid", workerSid);
  }

  /** Steps due at {@code now}, oldest first. */
  public List<Timer> due(Instant now, int limit) {
    Timestamp t = Timestamp.from(now);
    return query("SELECT " + COLUMNS + " FROM inactivity_timers WHERE next_fire_at <= ?"
        + " ORDER BY next_fire_at LIMIT " + limit, t);
  }

  /** Starts (or restarts) tracking a conversation its agent now owns. */
  public void arm(Timer.Assignment a, Instant deadline, Instant warningAt, Instant now) {
    String set = "task_sid = ?, worker_sid = ?, interaction_sid = ?, channel_sid = ?, channel_type = ?, queue_sid = ?,"
        + " customer_address = COALESCE(?, customer_address), state = 'ACTIVE', deadline = ?, warning_at = ?, next_fire_at = ?,"
        + " version = version + 1, updated_at = ?";
    Object[] values = {a.taskSid(), a.workerSid(), a.interactionSid(), a.channelSid(), a.channelType(), a.queueSid(),
        a.customerAddress(), ts(deadline), ts(warningAt), ts(warningAt != null ? warningAt : deadline), ts(now)};
    if (update("UPDATE inactivity_timers SET " + set + " WHERE conversation_sid = ?", append(values, a.conversationSid())) > 0) {
      return;
    }
    try {
      update("INSERT INTO inactivity_timers (task_sid, worker_sid, interaction_sid, channel_sid, channel_type, queue_sid,"
          + " customer_address, deadline, warning_at, next_fire_at, updated_at, conversation_sid, state, version)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0)", append(values, a.conversationSid()));
    } catch (StoreException raced) {
      update("UPDATE inactivity_timers SET " + set + " WHERE conversation_sid = ?", append(values, a.conversationSid()));
    }
  }

  /** A customer wrote: remember when (the WhatsApp window), and restart a running countdown. */
  public boolean reset(String conversationSid, Instant deadline, Instant warningAt, Instant customerAt, Instant now) {
    return update("UPDATE inactivity_timers SET state = 'ACTIVE', deadline = ?, warning_at = ?, next_fire_at = ?,"
        + " last_customer_at = COALESCE(?, last_customer_at), version = version + 1, updated_at = ?"
        + " WHERE conversation_sid = ? AND state IN ('ACTIVE','WARNING','WARNED','PAUSED')",
        ts(deadline), ts(warningAt), ts(warningAt != null ? warningAt : deadline), ts(customerAt), ts(now), conversationSid) > 0;
  }

  /** A customer wrote before any agent owns the conversation: only the WhatsApp window matters. */
  public void touchCustomer(String conversationSid, String customerAddress, Instant now) {
    if (update("UPDATE inactivity_timers SET last_customer_at = ?, customer_address = COALESCE(customer_address, ?), updated_at = ?"
        + " WHERE conversation_sid = ?", ts(now), customerAddress, ts(now), conversationSid) > 0) {
      return;
    }
    try {
      update("INSERT INTO inactivity_timers (conversation_sid, customer_address, state, last_customer_at, version, updated_at)"
          + " VALUES (?, ?, 'IDLE', ?, 0, ?)", conversationSid, customerAddress, ts(now), ts(now));
    } catch (StoreException raced) {
      touchCustomer(conversationSid, customerAddress, now);
    }
  }

  public int stopTask(String taskSid, Instant now) {
    return update("UPDATE inactivity_timers SET state = 'STOPPED', next_fire_at = NULL, version = version + 1,"
        + " updated_at = ? WHERE task_sid = ? AND state IN ('ACTIVE','WARNING','WARNED','PAUSED')", ts(now), taskSid);
  }

  public int stopConversation(String conversationSid, Instant now) {
    return update("UPDATE inactivity_timers SET state = 'STOPPED', next_fire_at = NULL, version = version + 1,"
        + " updated_at = ? WHERE conversation_sid = ? AND state IN ('ACTIVE','WARNING','WARNED','PAUSED')", ts(now), conversationSid);
  }

  /**
   * Moves the row to its next state if nobody changed it since it was read: the one caller that
   * wins performs the step's side effect, every other replica sees false.
   */
  public boolean transition(Timer t, State state, Instant nextFireAt, Instant now) {
    return update("UPDATE inactivity_timers SET state = ?, next_fire_at = ?, version = version + 1, updated_at = ?"
        + " WHERE conversation_sid = ? AND version = ?", state.name(), ts(nextFireAt), ts(now), t.conversationSid(),
        t.version()) > 0;
  }

  /** Moves a running timer's deadline (snooze), or pauses it ({@code deadline} null). */
  public boolean reschedule(Timer t, State state, Instant deadline, Instant warningAt, Instant nextFireAt, Instant now) {
    return update("UPDATE inactivity_timers SET state = ?, deadline = ?, warning_at = ?, next_fire_at = ?,"
        + " version = version + 1, updated_at = ? WHERE conversation_sid = ? AND version = ?",
        state.name(), ts(deadline), ts(warningAt), ts(nextFireAt), ts(now), t.conversationSid(), t.version()) > 0;
  }

  private List<Timer> query(String sql, Object... params) {
    try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      List<Timer> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Timer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getString(8), State.valueOf(rs.getString(9)), instant(rs, 10),
              instant(rs, 11), instant(rs, 12), instant(rs, 13), rs.getLong(14)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("inactivity timers: " + e.getMessage(), e);
    }
  }

  private int update(String sql, Object... params) {
    try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("inactivity timers: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p == NO_TIME) {
        ps.setNull(i + 1, java.sql.Types.TIMESTAMP);
      } else if (p == null) {
        ps.setNull(i + 1, java.sql.Types.VARCHAR);
      } else if (p instanceof Timestamp t) {
        ps.setTimestamp(i + 1, t);
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  private static Object[] append(Object[] values, Object last) {
    Object[] out = java.util.Arrays.copyOf(values, values.length + 1);
    out[values.length] = last;
    return out;
  }

  private static final Object NO_TIME = new Object();

  private static Object ts(Instant i) {
    return i == null ? NO_TIME : Timestamp.from(i);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
