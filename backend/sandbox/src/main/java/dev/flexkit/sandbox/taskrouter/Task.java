package dev.flexkit.sandbox.taskrouter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A unit of work and where the workflow has routed it so far. Guarded by {@link TaskRouter}'s lock.
 */
final class Task {
  static final int DEFAULT_TIMEOUT = 86_400;

  /** R40: two weeks, the longest a task may live. */
  static final int MAX_TIMEOUT = 1_209_600;

  static final Set<String> TERMINAL = Set.of("canceled", "completed");

  final String sid;
  final Instant dateCreated;
  final TaskChannel taskChannel;
  final Workflow workflow;
  final int timeout;
  final List<Reservation> reservations = new ArrayList<>();

  /** Workers who rejected this task: it is not offered to them again. */
  final Set<String> rejectedBy = new HashSet<>();

  String attributesJson;
  ObjectNode attributes;
  int priority;
  String assignmentStatus = "pending";
  String reason;
  Instant dateUpdated;
  Instant endedAt;
  long version;
  int assignmentCounter;
  boolean ignoreCapacity;
  String routingTarget;

  /** The routing the workflow (or a direct queue/worker) chose, and the target reached. */
  List<WorkflowConfiguration.Target> targets = List.of();

  int targetIndex;
  Instant targetEnteredAt;
  TaskQueue queue;
  Instant queueEnteredAt;

  /** True when routed straight to one worker: a reject or timeout cancels the task. */
  boolean directToWorker;

  Task(String sid, TaskChannel taskChannel, Workflow workflow, int timeout, Instant now) {
    this.sid = sid;
    this.taskChannel = taskChannel;
    this.workflow = workflow;
    this.timeout = timeout;
    this.dateCreated = now;
    this.dateUpdated = now;
  }

  boolean terminal() {
    return TERMINAL.contains(assignmentStatus);
  }

  WorkflowConfiguration.Target target() {
    return targetIndex < targets.size() ? targets.get(targetIndex) : null;
  }

  Reservation liveReservation() {
    return reservations.stream()
        .filter(
            r ->
                r.status.equals("pending")
                    || r.status.equals("accepted")
                    || r.status.equals("wrapping"))
        .findFirst()
        .orElse(null);
  }
}
