package dev.flexkit.sandbox.taskrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which worker a task's current workflow target may be offered to: available, admitted by the
 * queue's {@code target_workers}, matching the target's {@code task.}/{@code worker.} expression
 * and known-worker reference, not having rejected the task, and with free capacity on its channel.
 */
final class WorkerMatch {
  private WorkerMatch() {}

  static Worker best(TaskRouter tr, Task t) {
    WorkflowConfiguration.Target g = t.target();
    TaskQueue queue = tr.queues.get(g.queueSid());
    if (queue == null) {
      return null;
    }
    Comparator<Worker> order = Comparator.comparing((Worker w) -> w.lastReservedAt);
    if (g.orderBy() != null) {
      order = orderBy(g.orderBy()).thenComparing(order);
    }
    return tr.workers.values().stream()
        .filter(w -> eligible(tr, t, g, queue, w))
        .min(order)
        .orElse(null);
  }

  /**
   * A target's {@code skip_if} ({@code workers.available == 0}) when no reservation could be made.
   */
  static boolean skip(TaskRouter tr, Task t) {
    WorkflowConfiguration.Target g = t.target();
    if (g == null || g.skipIf() == null) {
      return false;
    }
    TaskQueue queue = tr.queues.get(g.queueSid());
    long inQueue =
        tr.workers.values().stream()
            .filter(w -> queue != null && queue.targetWorkers.matches(workerRoot(w)))
            .count();
    long available =
        tr.workers.values().stream()
            .filter(
                w ->
                    queue != null
                        && queue.targetWorkers.matches(workerRoot(w))
                        && w.activity.available())
            .count();
    ObjectNode root = ObjectNodes.object();
    ObjectNode workers = root.putObject("workers");
    workers.put("available", available);
    workers.put("unavailable", inQueue - available);
    return g.skipIf().matches(root);
  }

  static boolean eligible(
      TaskRouter tr, Task t, WorkflowConfiguration.Target g, TaskQueue queue, Worker w) {
    if (!w.activity.available() || t.rejectedBy.contains(w.sid)) {
      return false;
    }
    if (g.fixedWorkerSid() != null && !g.fixedWorkerSid().equals(w.sid)) {
      return false;
    }
    if (g.knownWorkerSid() != null && !Objects.equals(known(g.knownWorkerSid(), t), w.sid)) {
      return false;
    }
    if (g.knownWorkerFriendlyName() != null
        && !Objects.equals(known(g.knownWorkerFriendlyName(), t), w.friendlyName)) {
      return false;
    }
    Worker.Channel channel = w.channels.get(t.taskChannel.uniqueName());
    if (channel == null || !channel.available) {
      return false;
    }
    if (!t.ignoreCapacity && tr.assignedOn(w, t.taskChannel) >= channel.capacity) {
      return false;
    }
    ObjectNode root = workerRoot(w);
    if (!queue.targetWorkers.matches(root)) {
      return false;
    }
    if (g.expression() != null) {
      root.set("task", t.attributes);
      return g.expression().matches(root);
    }
    return true;
  }

  /** A known-worker reference ({@code task.KnownAgentWorkerSid}) resolved against the task. */
  private static Object known(TaskRouterExpression reference, Task t) {
    ObjectNode root = ObjectNodes.object();
    root.set("task", t.attributes);
    Object v = reference.evaluate(root);
    return v instanceof String ? v : null;
  }

  /**
   * What expressions about a worker see: its attributes as bare keys (queue expressions), and the
   * same plus {@code sid}, {@code friendly_name}, {@code activity_*} under {@code worker.}.
   */
  static ObjectNode workerRoot(Worker w) {
    ObjectNode worker = w.attributes.deepCopy();
    worker.put("sid", w.sid);
    worker.put("friendly_name", w.friendlyName);
    worker.put("activity_sid", w.activity.sid());
    worker.put("activity_name", w.activity.friendlyName());
    ObjectNode root = w.attributes.deepCopy();
    root.set("worker", worker);
    return root;
  }

  /** {@code "worker.level DESC"}, also several keys separated by commas. */
  private static Comparator<Worker> orderBy(String spec) {
    Comparator<Worker> order = null;
    for (String part : spec.split(",")) {
      String[] words = part.trim().split("\\s+");
      String key = words[0].startsWith("worker.") ? words[0].substring(7) : words[0];
      boolean desc = words.length > 1 && words[1].equalsIgnoreCase("DESC");
      Comparator<Worker> c =
          Comparator.comparing(
              (Worker w) -> sortKey(w, key), Comparator.nullsLast(Comparator.naturalOrder()));
      if (desc) {
        c =
            Comparator.comparing(
                (Worker w) -> sortKey(w, key), Comparator.nullsLast(Comparator.reverseOrder()));
      }
      order = order == null ? c : order.thenComparing(c);
    }
    return order;
  }

  private static String sortKey(Worker w, String dottedKey) {
    JsonNode at = workerRoot(w).get("worker");
    for (String step : List.of(dottedKey.split("\\."))) {
      at = at == null ? null : at.get(step);
    }
    if (at == null || at.isNull()) {
      return null;
    }
    return at.isNumber() ? String.format("%020.6f", at.doubleValue()) : at.asText();
  }
}
