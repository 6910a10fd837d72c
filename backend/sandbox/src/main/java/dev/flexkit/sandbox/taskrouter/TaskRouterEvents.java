package dev.flexkit.sandbox.taskrouter;

import dev.flexkit.sandbox.webhooks.WebhookDispatcher;
import dev.flexkit.sandbox.wire.Sids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workspace's event callbacks: one signed form POST per event to {@code EventCallbackUrl},
 * honouring {@code EventsFilter}, in the order the events happened (the dispatcher is FIFO).
 */
final class TaskRouterEvents {
  private final String accountSid;
  private final Clock clock;
  private final WebhookDispatcher webhooks;

  TaskRouterEvents(String accountSid, Clock clock, WebhookDispatcher webhooks) {
    this.accountSid = accountSid;
    this.clock = clock;
    this.webhooks = webhooks;
  }

  void task(Workspace w, String type, Task t, String description) {
    if (!wanted(w, type)) {
      return;
    }
    Map<String, String> p = base(w, type, "task", t.sid, description);
    taskFields(p, t);
    webhooks.postSingle(WebhookDispatcher.Sender.TASKROUTER, w.eventCallbackUrl, p);
  }

  void reservation(Workspace w, String type, Reservation r, String description) {
    if (!wanted(w, type)) {
      return;
    }
    Map<String, String> p = base(w, type, "reservation", r.sid, description);
    taskFields(p, r.task);
    workerFields(p, r.worker);
    p.put("ReservationSid", r.sid);
    webhooks.postSingle(WebhookDispatcher.Sender.TASKROUTER, w.eventCallbackUrl, p);
  }

  void worker(
      Workspace w,
      String type,
      Worker k,
      Activity previous,
      Instant previousSince,
      String description) {
    if (!wanted(w, type)) {
      return;
    }
    Map<String, String> p = base(w, type, "worker", k.sid, description);
    workerFields(p, k);
    if (previous != null) {
      long ms = Duration.between(previousSince, clock.instant()).toMillis();
      p.put("WorkerPreviousActivitySid", previous.sid());
      p.put("WorkerPreviousActivityName", previous.friendlyName());
      p.put("WorkerTimeInPreviousActivity", String.valueOf(ms / 1000));
      p.put("WorkerTimeInPreviousActivityMs", String.valueOf(ms));
    }
    webhooks.postSingle(WebhookDispatcher.Sender.TASKROUTER, w.eventCallbackUrl, p);
  }

  private boolean wanted(Workspace w, String type) {
    return w.eventCallbackUrl != null && !w.eventCallbackUrl.isBlank() && w.wants(type);
  }

  private Map<String, String> base(
      Workspace w, String type, String resourceType, String resourceSid, String description) {
    Instant now = clock.instant();
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Sid", Sids.next("EV"));
    p.put("EventType", type);
    p.put("AccountSid", accountSid);
    p.put("WorkspaceSid", w.sid);
    p.put("WorkspaceName", w.friendlyName);
    p.put("EventDescription", description);
    p.put("ResourceType", resourceType);
    p.put("ResourceSid", resourceSid);
    p.put("Timestamp", String.valueOf(now.getEpochSecond()));
    p.put("TimestampMs", String.valueOf(now.toEpochMilli()));
    return p;
  }

  private void taskFields(Map<String, String> p, Task t) {
    p.put("TaskSid", t.sid);
    p.put("TaskAttributes", t.attributesJson);
    p.put(
        "TaskAge",
        String.valueOf(Math.max(0, Duration.between(t.dateCreated, clock.instant()).toSeconds())));
    p.put("TaskPriority", String.valueOf(t.priority));
    p.put("TaskAssignmentStatus", t.assignmentStatus);
    p.put("TaskDateCreated", String.valueOf(t.dateCreated.getEpochSecond()));
    p.put("TaskVersion", String.valueOf(t.version));
    p.put("TaskChannelSid", t.taskChannel.sid());
    p.put("TaskChannelUniqueName", t.taskChannel.uniqueName());
    if (t.assignmentStatus.equals("canceled") && t.reason != null) {
      p.put("TaskCanceledReason", t.reason);
    }
    if (t.assignmentStatus.equals("completed") && t.reason != null) {
      p.put("TaskCompletedReason", t.reason);
    }
    if (t.queue != null) {
      p.put("TaskQueueSid", t.queue.sid);
      p.put("TaskQueueName", t.queue.friendlyName);
      p.put("TaskQueueTargetExpression", t.queue.targetWorkers.text());
      p.put("TaskQueueEnteredDate", String.valueOf(t.queueEnteredAt.getEpochSecond()));
    }
    if (t.workflow != null) {
      p.put("WorkflowSid", t.workflow.sid);
      p.put("WorkflowName", t.workflow.friendlyName);
    }
  }

  private void workerFields(Map<String, String> p, Worker k) {
    p.put("WorkerSid", k.sid);
    p.put("WorkerName", k.friendlyName);
    p.put("WorkerAttributes", k.attributesJson);
    p.put("WorkerActivitySid", k.activity.sid());
    p.put("WorkerActivityName", k.activity.friendlyName());
    p.put("WorkerVersion", String.valueOf(k.version));
  }
}
