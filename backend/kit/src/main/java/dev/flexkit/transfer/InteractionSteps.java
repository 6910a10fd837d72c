package dev.flexkit.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The Twilio steps a transfer is made of, one call each: TaskRouter reads, the channel's
 * participants, the invite and what undoes it. {@link TwilioInteractionSteps} makes them through
 * the gateway; tests put an in-memory double in its place.
 */
interface InteractionSteps {

  record TaskView(
      String sid,
      String status,
      String taskChannel,
      String workflowSid,
      Integer priority,
      Integer timeout,
      ObjectNode attributes) {
    String attr(String name) {
      JsonNode v = attributes.get(name);
      return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
  }

  record WorkerView(
      String sid, String friendlyName, String activity, boolean available, Integer freeCapacity) {}

  record QueueView(String sid, String friendlyName, long availableWorkers) {}

  record WorkflowView(String sid, String friendlyName) {}

  record ChannelParticipant(String sid, String type, String taskSid, String workerSid) {}

  TaskView task(String taskSid);

  /** Whether the worker holds an accepted reservation of the task. */
  boolean acceptedBy(String taskSid, String workerSid);

  /** A worker, with what they can still take on {@code taskChannel}. */
  WorkerView worker(String workerSid, String taskChannel);

  List<WorkerView> workers(String taskChannel);

  /** A queue, counting its available workers other than {@code excludingWorkerSid}. */
  QueueView queue(String queueSid, String excludingWorkerSid);

  List<QueueView> queues(String excludingWorkerSid);

  WorkflowView workflow(String workflowSid);

  List<WorkflowView> workflows();

  List<ChannelParticipant> participants(String interactionSid, String channelSid);

  /** An invite on the same channel; answers the sid of the task it created. */
  String invite(String interactionSid, String channelSid, Map<String, Object> properties);

  /**
   * The routing properties of an invite of a task on {@code taskChannel}, mutable for the caller to
   * add its target.
   */
  Map<String, Object> routingProperties(String taskChannel, ObjectNode attributes);

  void closeParticipant(String interactionSid, String channelSid, String participantSid);

  /** FPT's way to withdraw an invite: the task it created is canceled through TaskRouter. */
  void cancelTask(String taskSid, String reason);

  /** Hands a reservation back so the task routes on to someone else. */
  void rejectReservation(String taskSid, String reservationSid);

  void closeChannel(String interactionSid, String channelSid);
}
