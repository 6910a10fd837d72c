package dev.flexkit.sandbox.taskrouter;

import java.time.Instant;

/**
 * A queue: the workers its {@code target_workers} expression admits. Guarded by {@link
 * TaskRouter}'s lock.
 */
final class TaskQueue {
  final String sid;
  final Instant dateCreated;
  String friendlyName;
  TaskRouterExpression targetWorkers;
  int maxReservedWorkers = 1;
  String taskOrder = "FIFO";
  Instant dateUpdated;

  TaskQueue(String sid, String friendlyName, TaskRouterExpression targetWorkers, Instant now) {
    this.sid = sid;
    this.friendlyName = friendlyName;
    this.targetWorkers = targetWorkers;
    this.dateCreated = now;
    this.dateUpdated = now;
  }
}
