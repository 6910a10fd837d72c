package dev.flexkit.sandbox.taskrouter;

import java.time.Instant;

/** A workflow and its parsed routing configuration. Guarded by {@link TaskRouter}'s lock. */
final class Workflow {
  static final int DEFAULT_RESERVATION_TIMEOUT = 120;

  final String sid;
  final Instant dateCreated;
  String friendlyName;
  String configurationJson;
  WorkflowConfiguration configuration;
  int taskReservationTimeout = DEFAULT_RESERVATION_TIMEOUT;
  String assignmentCallbackUrl;
  String fallbackAssignmentCallbackUrl;
  Instant dateUpdated;

  Workflow(
      String sid,
      String friendlyName,
      String configurationJson,
      WorkflowConfiguration configuration,
      Instant now) {
    this.sid = sid;
    this.friendlyName = friendlyName;
    this.configurationJson = configurationJson;
    this.configuration = configuration;
    this.dateCreated = now;
    this.dateUpdated = now;
  }
}
