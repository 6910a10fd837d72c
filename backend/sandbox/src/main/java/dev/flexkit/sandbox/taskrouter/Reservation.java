package dev.flexkit.sandbox.taskrouter;

import java.time.Instant;
import java.util.Set;

/** One offer of a task to one worker. Guarded by {@link TaskRouter}'s lock. */
final class Reservation {
  /** Statuses in which the reservation holds a slot of the worker's channel capacity. */
  static final Set<String> HOLDS_CAPACITY = Set.of("pending", "accepted", "wrapping");

  final String sid;
  final Task task;
  final Worker worker;
  final Instant dateCreated;
  final Instant timeoutAt;
  String status = "pending";
  Instant dateUpdated;

  Reservation(String sid, Task task, Worker worker, Instant now, Instant timeoutAt) {
    this.sid = sid;
    this.task = task;
    this.worker = worker;
    this.dateCreated = now;
    this.dateUpdated = now;
    this.timeoutAt = timeoutAt;
  }

  boolean live() {
    return HOLDS_CAPACITY.contains(status);
  }
}
