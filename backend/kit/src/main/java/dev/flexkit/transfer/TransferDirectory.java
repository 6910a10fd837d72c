package dev.flexkit.transfer;

import dev.flexkit.auth.FlexAgent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who a task can go to: agents (availability, free capacity on its channel), queues or workflows.
 */
public final class TransferDirectory {
  private final InteractionSteps twilio;

  public TransferDirectory(InteractionSteps twilio) {
    this.twilio = twilio;
  }

  /** One kind of target, filtered by {@code query}; the asking agent is never listed. */
  public TransferTargets targets(FlexAgent agent, String type, String query, String taskSid) {
    Transfer.TargetType targetType = TransferValidation.targetType(type, "type");
    String taskChannel = "chat";
    if (taskSid != null && !taskSid.isBlank()) {
      TransferValidation.requireTask(taskSid);
      taskChannel = twilio.task(taskSid).taskChannel();
    }
    String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
    List<TransferTargets.Target> out = new ArrayList<>();
    switch (targetType) {
      case WORKER ->
          twilio.workers(taskChannel).stream()
              .filter(w -> !w.sid().equals(agent.workerSid()))
              .forEach(
                  w ->
                      out.add(
                          new TransferTargets.Target(
                              w.sid(),
                              w.friendlyName(),
                              w.available(),
                              w.activity(),
                              w.freeCapacity() == null ? 0 : w.freeCapacity(),
                              null)));
      case QUEUE ->
          twilio
              .queues(agent.workerSid())
              .forEach(
                  x ->
                      out.add(
                          new TransferTargets.Target(
                              x.sid(),
                              x.friendlyName(),
                              x.availableWorkers() > 0,
                              null,
                              null,
                              x.availableWorkers())));
      case WORKFLOW ->
          twilio
              .workflows()
              .forEach(
                  x ->
                      out.add(
                          new TransferTargets.Target(
                              x.sid(), x.friendlyName(), null, null, null, null)));
    }
    return new TransferTargets(
        targetType.wire(),
        taskChannel,
        out.stream()
            .filter(t -> q.isEmpty() || t.name().toLowerCase(Locale.ROOT).contains(q))
            .toList());
  }
}
