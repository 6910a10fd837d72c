package dev.flexkit.transfer;

import dev.flexkit.store.Database;
import dev.flexkit.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Transfers in the store. Every status change is a compare-and-set on the current status, so a
 * TaskRouter event delivered twice, or to two replicas, acts once.
 */
public final class PendingTransfers {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = "id, task_sid, interaction_sid, channel_sid, conversation_sid, from_worker_sid, "
      + "from_identity, from_participant_sid, target_type, target_sid, mode, leave_on_accept, note, task_channel, task_attributes, invite_task_sid, status, reason, "
      + "created_at, updated_at";

  private final Database database;
  private final Clock clock;

  public PendingTransfers(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Records a new pending transfer; false when the task already has one in progress. */
  public boolean claim(Transfer t) {
    try (Connection c = database.connection();
         PreparedStatement ps = c.prepareStatement("INSERT INTO transfers (" + COLUMNS + ", pending_task_sid) "
             + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, t.id());
      ps.setString(2, t.taskSid());
      ps.setString(3, t.interactionSid());
      ps.setString(4, t.channelSid());
      ps.setString(5, t.conversationSid());
      ps.setString(6, t.fromWorkerSid());
      ps.setString(7, t.fromIdentity());
      ps.setString(8, t.fromParticipantSid());
      ps.setString(9, t.targetType().name());
      ps.setString(10, t.targetSid());
      ps.setString(11, t.mode().name());
      ps.setBoolean(12, t.leaveOnAccept());
      ps.setString(13, t.note());
      ps.setString(14, t.taskChannel());
      ps.setString(15, t.taskAttributes());
      ps.setString(16, t.inviteTaskSid());
      ps.setString(17, t.status().name());
      ps.setString(18, t.reason());
      ps.setTimestamp(19, Timestamp.from(t.createdAt()));
      ps.setTimestamp(20, Timestamp.from(t.updatedAt()));
      ps.setString(21, t.status().inProgress() ? t.taskSid() : null);
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw new StoreException("cannot record transfer", e);
    }
  }

  public void recordInvite(String id, String inviteTaskSid, String participantSid) {
    update("UPDATE transfers SET invite_task_sid = ?, from_participant_sid = ?, updated_at = ? WHERE id = ?", ps -> {
      ps.setString(1, inviteTaskSid);
      ps.setString(2, participantSid);
      ps.setTimestamp(3, Timestamp.from(clock.instant()));
      ps.setString(4, id);
    });
  }

  /** Moves {@code id} from {@code from} to {@code to}; false if someone else moved it first. */
  public boolean transition(String id, Transfer.Status from, Transfer.Status to, String reason) {
    return update("UPDATE transfers SET status = ?, reason = COALESCE(?, reason), updated_at = ?, pending_task_sid = "
        + (to.inProgress() ? "task_sid" : "NULL") + " WHERE id = ? AND status = ?", ps -> {
          ps.setString(1, to.name());
          ps.setString(2, reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500));
          ps.setTimestamp(3, Timestamp.from(clock.instant()));
          ps.setString(4, id);
          ps.setString(5, from.name());
        }) == 1;
  }

  public Optional<Transfer> find(String id) {
    List<Transfer> found = select("WHERE id = ?", id);
    return found.stream().findFirst();
  }

  public Optional<Transfer> inProgressForInvite(String inviteTaskSid) {
    return select("WHERE invite_task_sid = ? AND pending_task_sid IS NOT NULL", inviteTaskSid).stream().findFirst();
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
    return select("WHERE target_type = 'WORKER' AND target_sid = ? AND pending_task_sid IS NOT NULL", workerSid);
  }

  private List<Transfer> select(String where, String arg) {
    try (Connection c = database.connection();
         PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM transfers " + where)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        List<Transfer> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Transfer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getString(8), Transfer.TargetType.valueOf(rs.getString(9)),
              rs.getString(10), Transfer.Mode.valueOf(rs.getString(11)), rs.getBoolean(12), rs.getString(13), rs.getString(14),
              rs.getString(15), rs.getString(16), Transfer.Status.valueOf(rs.getString(17)), rs.getString(18),
              rs.getTimestamp(19).toInstant(), rs.getTimestamp(20).toInstant()));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read transfers", e);
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private int update(String sql, Binder binder) {
    try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update transfer", e);
    }
  }
}
