package dev.flexkit.inactivity;

import dev.flexkit.inactivity.Timer.State;
import dev.flexkit.store.Database;
import dev.flexkit.store.Sql;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The timers, in the shared store. Every change is a compare-and-set on {@code version}, so two
 * replicas (or a webhook racing the scheduler) never both win the same step.
 */
public final class InactivityTimers {
  private static final String COLUMNS =
      "conversation_sid, task_sid, worker_sid, interaction_sid, channel_sid, channel_type, "
          + "queue_sid, customer_address, sender_address, timer_sec, warning_sec, state, deadline, warning_at, next_fire_at, version";
  private static final String RUNNING = "('ACTIVE','WARNING','WARNED','PAUSED')";

  /**
   * The customer wrote: the countdown restarts from {@code now} with the settings it was armed
   * with. Computing the deadline in SQL is what makes this the only statement of a customer's
   * message. With no warning ({@code warning_sec} 0) the next step is the deadline itself.
   */
  private static final String CUSTOMER_RESET =
      "UPDATE inactivity_timers SET state = 'ACTIVE',"
          + " deadline = CAST(? AS TIMESTAMP WITH TIME ZONE) + timer_sec * INTERVAL '1' SECOND,"
          + " warning_at = CASE WHEN warning_sec > 0"
          + " THEN CAST(? AS TIMESTAMP WITH TIME ZONE) + (timer_sec - warning_sec) * INTERVAL '1' SECOND END,"
          + " next_fire_at = CAST(? AS TIMESTAMP WITH TIME ZONE) + (timer_sec - warning_sec) * INTERVAL '1' SECOND,"
          + " version = version + 1, updated_at = ?"
          + " WHERE conversation_sid = ? AND customer_address = ? AND timer_sec IS NOT NULL AND state IN "
          + RUNNING;

  private final Sql sql;

  public InactivityTimers(Database database) {
    this.sql = new Sql(database, "inactivity timers");
  }

  public Optional<Timer> find(String conversationSid) {
    List<Timer> rows =
        query(
            "SELECT " + COLUMNS + " FROM inactivity_timers WHERE conversation_sid = ?",
            conversationSid);
    return rows.stream().findFirst();
  }

  public List<Timer> forWorker(String workerSid) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM inactivity_timers WHERE worker_sid = ? AND state IN ('ACTIVE','WARNING','WARNED','PAUSED','EXPIRED')"
            + " ORDER BY conversation_sid",
        workerSid);
  }

  /** Steps due at {@code now}, oldest first. */
  public List<Timer> due(Instant now, int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM inactivity_timers WHERE next_fire_at <= ?"
            + " ORDER BY next_fire_at LIMIT "
            + limit,
        ts(now));
  }

  /**
   * Starts tracking a conversation its agent now owns, with the settings that apply to it. Once per
   * task: a late or repeated {@code reservation.accepted} for the task already tracked (running,
   * warned, expired or stopped) changes nothing, so it can never restart a countdown and bring a
   * second warning. Returns whether it armed.
   */
  public boolean arm(
      Timer.Assignment a, InactivitySettings s, Instant deadline, Instant warningAt, Instant now) {
    String set =
        "task_sid = ?, worker_sid = ?, interaction_sid = ?, channel_sid = ?, channel_type = ?, queue_sid = ?,"
            + " customer_address = COALESCE(?, customer_address), sender_address = COALESCE(?, sender_address),"
            + " timer_sec = ?, warning_sec = ?, state = 'ACTIVE', deadline = ?, warning_at = ?, next_fire_at = ?,"
            + " version = version + 1, updated_at = ?";
    Object[] values = {
      a.taskSid(),
      a.workerSid(),
      a.interactionSid(),
      a.channelSid(),
      a.channelType(),
      a.queueSid(),
      a.customerAddress(),
      a.senderAddress(),
      s.timerSec(),
      s.warningSec(),
      ts(deadline),
      ts(warningAt),
      ts(warningAt != null ? warningAt : deadline),
      ts(now)
    };
    String newTask =
        " WHERE conversation_sid = ? AND (task_sid IS NULL OR task_sid <> ? OR state = 'IDLE')";
    Object[] where = {a.conversationSid(), a.taskSid()};
    if (update("UPDATE inactivity_timers SET " + set + newTask, append(values, where)) > 0) {
      return true;
    }
    if (sql.insertUnlessPresent(
        "INSERT INTO inactivity_timers (task_sid, worker_sid, interaction_sid, channel_sid,"
            + " channel_type, queue_sid, customer_address, sender_address, timer_sec, warning_sec, deadline, warning_at,"
            + " next_fire_at, updated_at, conversation_sid, state, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0)",
        append(values, a.conversationSid()))) {
      return true;
    }
    // Another replica inserted first, or this task is tracked already.
    return update("UPDATE inactivity_timers SET " + set + newTask, append(values, where)) > 0;
  }

  /**
   * {@code author} wrote: if they are the customer of a running countdown armed with its settings,
   * it restarts from {@code now} and this returns true. Anything else (another author, no
   * countdown, an older row) is false and left to the caller.
   */
  public boolean resetByCustomer(String conversationSid, String author, Instant now) {
    Object at = ts(now);
    return update(CUSTOMER_RESET, at, at, at, at, conversationSid, author) > 0;
  }

  /** Restarts a running countdown with explicit times (and keeps the settings they came from). */
  public boolean reset(
      String conversationSid,
      InactivitySettings s,
      Instant deadline,
      Instant warningAt,
      Instant now) {
    return update(
            "UPDATE inactivity_timers SET state = 'ACTIVE', timer_sec = ?, warning_sec = ?, deadline = ?, warning_at = ?,"
                + " next_fire_at = ?, version = version + 1, updated_at = ? WHERE conversation_sid = ? AND state IN "
                + RUNNING,
            s.timerSec(),
            s.warningSec(),
            ts(deadline),
            ts(warningAt),
            ts(warningAt != null ? warningAt : deadline),
            ts(now),
            conversationSid)
        > 0;
  }

  /**
   * A customer wrote where no countdown runs. True for the one caller (across replicas) that should
   * now look for a live agent task, at most once per conversation since {@code checkedBefore}.
   */
  public boolean claimTaskCheck(
      String conversationSid, String customerAddress, Instant now, Instant checkedBefore) {
    if (update(
            "UPDATE inactivity_timers SET task_checked_at = ?, customer_address = COALESCE(customer_address, ?), updated_at = ?"
                + " WHERE conversation_sid = ? AND state NOT IN "
                + RUNNING
                + " AND (task_checked_at IS NULL OR task_checked_at <= ?)",
            ts(now),
            customerAddress,
            ts(now),
            conversationSid,
            ts(checkedBefore))
        > 0) {
      return true;
    }
    // False when the row is there: checked recently, or a countdown started meanwhile.
    return sql.insertUnlessPresent(
        "INSERT INTO inactivity_timers (conversation_sid, customer_address, state,"
            + " task_checked_at, version, updated_at) VALUES (?, ?, 'IDLE', ?, 0, ?)",
        conversationSid,
        customerAddress,
        ts(now),
        ts(now));
  }

  public int stopTask(String taskSid, Instant now) {
    return update(
        "UPDATE inactivity_timers SET state = 'STOPPED', next_fire_at = NULL, version = version + 1,"
            + " updated_at = ? WHERE task_sid = ? AND state IN "
            + RUNNING,
        ts(now),
        taskSid);
  }

  public int stopConversation(String conversationSid, Instant now) {
    return update(
        "UPDATE inactivity_timers SET state = 'STOPPED', next_fire_at = NULL, version = version + 1,"
            + " updated_at = ? WHERE conversation_sid = ? AND state IN "
            + RUNNING,
        ts(now),
        conversationSid);
  }

  /**
   * Moves the row to its next state if nobody changed it since it was read: the one caller that
   * wins performs the step's side effect, every other replica sees false.
   */
  public boolean transition(Timer t, State state, Instant nextFireAt, Instant now) {
    return update(
            "UPDATE inactivity_timers SET state = ?, next_fire_at = ?, version = version + 1, updated_at = ?"
                + " WHERE conversation_sid = ? AND version = ?",
            state.name(),
            ts(nextFireAt),
            ts(now),
            t.conversationSid(),
            t.version())
        > 0;
  }

  /** Moves a running timer's deadline (snooze, resume), or pauses it ({@code deadline} null). */
  public boolean reschedule(
      Timer t, State state, Instant deadline, Instant warningAt, Instant nextFireAt, Instant now) {
    return update(
            "UPDATE inactivity_timers SET state = ?, deadline = ?, warning_at = ?, next_fire_at = ?,"
                + " version = version + 1, updated_at = ? WHERE conversation_sid = ? AND version = ?",
            state.name(),
            ts(deadline),
            ts(warningAt),
            ts(nextFireAt),
            ts(now),
            t.conversationSid(),
            t.version())
        > 0;
  }

  /** Remembers our number on the row once it had to be looked up. */
  public void rememberSender(String conversationSid, String senderAddress) {
    update(
        "UPDATE inactivity_timers SET sender_address = ? WHERE conversation_sid = ? AND sender_address IS NULL",
        senderAddress,
        conversationSid);
  }

  private List<Timer> query(String select, Object... params) {
    return sql.query(
        select,
        rs ->
            new Timer(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                Sql.integer(rs, 10),
                Sql.integer(rs, 11),
                State.valueOf(rs.getString(12)),
                Sql.instant(rs, 13),
                Sql.instant(rs, 14),
                Sql.instant(rs, 15),
                rs.getLong(16)),
        params);
  }

  private int update(String statement, Object... params) {
    return sql.update(statement, params);
  }

  private static Object[] append(Object[] values, Object... more) {
    Object[] out = Arrays.copyOf(values, values.length + more.length);
    System.arraycopy(more, 0, out, values.length, more.length);
    return out;
  }

  private static Object ts(Instant i) {
    return Sql.time(i);
  }
}
