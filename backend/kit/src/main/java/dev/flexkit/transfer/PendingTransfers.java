package dev.flexkit.transfer;

import dev.flexkit.store.Database;
import dev.flexkit.store.Sql;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Transfers in the store. Every status change is a compare-and-set on the current status, so a
 * TaskRouter event delivered twice, or to two replicas, acts once.
 */
public final class PendingTransfers {
  private static final String COLUMNS =
      "id, task_sid, interaction_sid, channel_sid, conversation_sid, from_worker_sid, "
          + "from_identity, from_participant_sid, target_type, target_sid, mode, leave_on_accept, note, task_channel, task_attributes, invite_task_sid, status, reason, "
          + "created_at, updated_at";
  private static final int REASON_MAX = 500;

  private final Sql sql;
  private final Clock clock;

  public PendingTransfers(Database database, Clock clock) {
    this.sql = new Sql(database, "transfers");
    this.clock = clock;
  }

  /** Records a new pending transfer; false when the task already has one in progress. */
  public boolean claim(Transfer t) {
    return sql.insertUnlessPresent(
        "INSERT INTO transfers ("
            + COLUMNS
            + ", pending_task_sid) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        t.id(),
        t.taskSid(),
        t.interactionSid(),
        t.channelSid(),
        t.conversationSid(),
        t.fromWorkerSid(),
        t.fromIdentity(),
        t.fromParticipantSid(),
        t.targetType(),
        t.targetSid(),
        t.mode(),
        t.leaveOnAccept(),
        t.note(),
        t.taskChannel(),
        t.taskAttributes(),
        t.inviteTaskSid(),
        t.status(),
        t.reason(),
        t.createdAt(),
        t.updatedAt(),
        t.status().inProgress() ? t.taskSid() : null);
  }

  public void recordInvite(String id, String inviteTaskSid, String participantSid) {
    sql.update(
        "UPDATE transfers SET invite_task_sid = ?, from_participant_sid = ?, updated_at = ? WHERE id = ?",
        inviteTaskSid,
        participantSid,
        clock.instant(),
        id);
  }

  /** Moves {@code id} from {@code from} to {@code to}; false if someone else moved it first. */
  public boolean transition(String id, Transfer.Status from, Transfer.Status to, String reason) {
    String kept =
        reason == null || reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX);
    return sql.update(
            "UPDATE transfers SET status = ?, reason = COALESCE(?, reason), updated_at = ?, pending_task_sid = "
                + (to.inProgress() ? "task_sid" : "NULL")
                + " WHERE id = ? AND status = ?",
            to,
            kept,
            clock.instant(),
            id,
            from)
        == 1;
  }

  public Optional<Transfer> find(String id) {
    return select("WHERE id = ?", id).stream().findFirst();
  }

  public Optional<Transfer> inProgressForInvite(String inviteTaskSid) {
    return select("WHERE invite_task_sid = ? AND pending_task_sid IS NOT NULL", inviteTaskSid)
        .stream()
        .findFirst();
  }

  public Optional<Transfer> inProgressForTask(String taskSid) {
    return select("WHERE pending_task_sid = ?", taskSid).stream().findFirst();
  }

  /** The latest transfer of a task, whatever its status: what the plugin polls. */
  public Optional<Transfer> latestForTask(String taskSid) {
    return select("WHERE task_sid = ? ORDER BY created_at DESC", taskSid).stream().findFirst();
  }

  /** Any transfer whose invite created this task, whatever its status. */
  public Optional<Transfer> forInvite(String inviteTaskSid) {
    return select("WHERE invite_task_sid = ?", inviteTaskSid).stream().findFirst();
  }

  public List<Transfer> inProgressToWorker(String workerSid) {
    return select(
        "WHERE target_type = 'WORKER' AND target_sid = ? AND pending_task_sid IS NOT NULL",
        workerSid);
  }

  private List<Transfer> select(String where, String arg) {
    return sql.query(
        "SELECT " + COLUMNS + " FROM transfers " + where,
        rs ->
            new Transfer(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                Transfer.TargetType.valueOf(rs.getString(9)),
                rs.getString(10),
                Transfer.Mode.valueOf(rs.getString(11)),
                rs.getBoolean(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                Transfer.Status.valueOf(rs.getString(17)),
                rs.getString(18),
                Sql.instant(rs, 19),
                Sql.instant(rs, 20)),
        arg);
  }
}
