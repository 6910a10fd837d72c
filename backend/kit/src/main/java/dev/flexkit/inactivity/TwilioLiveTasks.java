package dev.flexkit.inactivity;

import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.flexkit.twilio.Futures;
import dev.flexkit.twilio.TwilioGateway;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Asks TaskRouter for the assigned task whose attributes name the conversation, newest first, and
 * for the worker whose reservation of it was accepted. Two reads, made only when a customer writes
 * on a conversation no countdown tracks (at most once a minute per conversation).
 */
public final class TwilioLiveTasks implements LiveTasks {
  private static final Pattern CONVERSATION_SID = Pattern.compile("CH[0-9a-fA-F]{32}");

  private final TwilioGateway twilio;
  private final String workspaceSid;
  private final Executor reads;

  /** {@code reads} runs the task fetch beside the reservation read. */
  public TwilioLiveTasks(TwilioGateway twilio, String workspaceSid, Executor reads) {
    this.twilio = twilio;
    this.workspaceSid = workspaceSid;
    this.reads = reads;
  }

  @Override
  public Optional<Timer.Assignment> assignedTaskOf(String conversationSid) {
    if (!CONVERSATION_SID.matcher(conversationSid).matches()) {
      return Optional.empty(); // never put anything else into a TaskRouter expression
    }
    var tasks =
        twilio.call(
            "find the live task of a conversation",
            c ->
                Task.reader(workspaceSid)
                    .setAssignmentStatus("assigned")
                    .setEvaluateTaskAttributes("conversationSid == \"" + conversationSid + "\"")
                    .setPageSize(20L)
                    .firstPage(c));
    Optional<Task> task =
        tasks.getRecords().stream()
            .max(
                Comparator.comparing(
                    Task::getDateCreated, Comparator.nullsFirst(Comparator.naturalOrder())));
    if (task.isEmpty()) {
      return Optional.empty();
    }
    String taskSid = task.get().getSid();
    // A list carries no attributes (R41), so the task is fetched; the agent is read beside it.
    CompletableFuture<Task> fetched =
        CompletableFuture.supplyAsync(
            () ->
                twilio.call(
                    "fetch the live task", c -> Task.fetcher(workspaceSid, taskSid).fetch(c)),
            reads);
    var accepted =
        twilio.call(
            "find the agent of a live task",
            c ->
                Reservation.reader(workspaceSid, taskSid)
                    .setReservationStatus(Reservation.Status.ACCEPTED)
                    .firstPage(c));
    String workerSid =
        accepted.getRecords().stream().map(Reservation::getWorkerSid).findFirst().orElse(null);
    if (workerSid == null) {
      fetched.cancel(false);
      return Optional.empty();
    }
    Task t = Futures.join(fetched);
    return TaskAssignments.from(
        attributes(t), t.getSid(), workerSid, t.getTaskQueueSid(), t.getTaskChannelUniqueName());
  }

  private static String attributes(Task t) {
    return t.getAttributes() == null ? "{}" : t.getAttributes();
  }
}
