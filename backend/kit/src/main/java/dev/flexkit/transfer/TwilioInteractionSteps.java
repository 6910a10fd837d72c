package dev.flexkit.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.rest.flexapi.v1.interaction.InteractionChannel;
import com.twilio.rest.flexapi.v1.interaction.interactionchannel.InteractionChannelInvite;
import com.twilio.rest.flexapi.v1.interaction.interactionchannel.InteractionChannelParticipant;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkerChannel;
import dev.flexkit.twilio.Futures;
import dev.flexkit.twilio.TaskAttributes;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The steps of a transfer through the gateway, with twilio-java. */
final class TwilioInteractionSteps implements InteractionSteps {
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  private final TwilioGateway twilio;
  private final String workspaceSid;

  TwilioInteractionSteps(TwilioGateway twilio, String workspaceSid) {
    this.twilio = twilio;
    this.workspaceSid = workspaceSid;
  }

  /** Live mode without TWILIO_WORKSPACE_SID cannot route anything. */
  private String ws() {
    if (workspaceSid == null) {
      throw new dev.flexkit.web.ApiException(
          503, "not_configured", "Transfers need TWILIO_WORKSPACE_SID");
    }
    return workspaceSid;
  }

  @Override
  public TaskView task(String taskSid) {
    Task t = twilio.call("fetch task", c -> Task.fetcher(ws(), taskSid).fetch(c));
    ObjectNode attributes = TaskAttributes.parse(t.getAttributes());
    return new TaskView(
        t.getSid(),
        t.getAssignmentStatus() == null ? "" : t.getAssignmentStatus().toString(),
        t.getTaskChannelUniqueName(),
        t.getWorkflowSid(),
        t.getPriority(),
        t.getTimeout(),
        attributes);
  }

  @Override
  public boolean acceptedBy(String taskSid, String workerSid) {
    var reservations =
        twilio.call(
            "list task reservations",
            c ->
                Reservation.reader(ws(), taskSid)
                    .setWorkerSid(workerSid)
                    .setReservationStatus(Reservation.Status.ACCEPTED)
                    .read(c));
    return StreamSupport.stream(reservations.spliterator(), false)
        .anyMatch(
            r ->
                workerSid.equals(r.getWorkerSid())
                    && r.getReservationStatus() == Reservation.Status.ACCEPTED);
  }

  @Override
  public WorkerView worker(String workerSid, String taskChannel) {
    var capacity =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> freeCapacity(workerSid, taskChannel));
    Worker w = twilio.call("fetch worker", c -> Worker.fetcher(ws(), workerSid).fetch(c));
    Integer free = Futures.join(capacity);
    return new WorkerView(
        w.getSid(),
        displayName(w),
        w.getActivityName(),
        Boolean.TRUE.equals(w.getAvailable()),
        free);
  }

  @Override
  public List<WorkerView> workers(String taskChannel) {
    List<WorkerView> out = new ArrayList<>();
    for (Worker w : twilio.call("list workers", c -> Worker.reader(ws()).read(c))) {
      out.add(
          new WorkerView(
              w.getSid(),
              displayName(w),
              w.getActivityName(),
              Boolean.TRUE.equals(w.getAvailable()),
              Boolean.TRUE.equals(w.getAvailable())
                  ? freeCapacity(w.getSid(), taskChannel)
                  : null));
    }
    return out;
  }

  /**
   * What Flex's own directory shows: the agent's full name, else the worker's friendly name (their
   * login).
   */
  private static String displayName(Worker w) {
    try {
      String fullName =
          JSON.readTree(w.getAttributes() == null ? "{}" : w.getAttributes())
              .path("full_name")
              .asText("");
      return fullName.isBlank() ? w.getFriendlyName() : fullName;
    } catch (Exception e) {
      return w.getFriendlyName();
    }
  }

  /** Tasks the worker can still take on this channel; null when the channel is unknown to them. */
  private Integer freeCapacity(String workerSid, String taskChannel) {
    for (WorkerChannel ch :
        twilio.call("list worker channels", c -> WorkerChannel.reader(ws(), workerSid).read(c))) {
      if (ch.getTaskChannelUniqueName().equals(taskChannel)) {
        if (!Boolean.TRUE.equals(ch.getAvailable())) {
          return 0;
        }
        int configured = ch.getConfiguredCapacity() == null ? 0 : ch.getConfiguredCapacity();
        int assigned = ch.getAssignedTasks() == null ? 0 : ch.getAssignedTasks();
        return Math.max(0, configured - assigned);
      }
    }
    return null;
  }

  @Override
  public QueueView queue(String queueSid, String excludingWorkerSid) {
    TaskQueue q = twilio.call("fetch queue", c -> TaskQueue.fetcher(ws(), queueSid).fetch(c));
    return new QueueView(
        q.getSid(), q.getFriendlyName(), availableIn(q.getSid(), excludingWorkerSid));
  }

  @Override
  public List<QueueView> queues(String excludingWorkerSid) {
    List<QueueView> out = new ArrayList<>();
    for (TaskQueue q : twilio.call("list queues", c -> TaskQueue.reader(ws()).read(c))) {
      out.add(
          new QueueView(
              q.getSid(), q.getFriendlyName(), availableIn(q.getSid(), excludingWorkerSid)));
    }
    return out;
  }

  private long availableIn(String queueSid, String excludingWorkerSid) {
    var workers =
        twilio.call(
            "list available workers in queue",
            c -> Worker.reader(ws()).setTaskQueueSid(queueSid).setAvailable("true").read(c));
    return StreamSupport.stream(workers.spliterator(), false)
        .filter(w -> !w.getSid().equals(excludingWorkerSid))
        .count();
  }

  @Override
  public WorkflowView workflow(String workflowSid) {
    Workflow w = twilio.call("fetch workflow", c -> Workflow.fetcher(ws(), workflowSid).fetch(c));
    return new WorkflowView(w.getSid(), w.getFriendlyName());
  }

  @Override
  public List<WorkflowView> workflows() {
    List<WorkflowView> out = new ArrayList<>();
    for (Workflow w : twilio.call("list workflows", c -> Workflow.reader(ws()).read(c))) {
      out.add(new WorkflowView(w.getSid(), w.getFriendlyName()));
    }
    return out;
  }

  @Override
  public List<ChannelParticipant> participants(String interactionSid, String channelSid) {
    List<ChannelParticipant> out = new ArrayList<>();
    for (InteractionChannelParticipant p :
        twilio.call(
            "list channel participants",
            c -> InteractionChannelParticipant.reader(interactionSid, channelSid).read(c))) {
      JsonNode routing = JSON.valueToTree(p.getRoutingProperties());
      out.add(
          new ChannelParticipant(
              p.getSid(),
              p.getType() == null ? "" : p.getType().toString(),
              text(routing, "task_sid"),
              text(routing, "worker_sid")));
    }
    return out;
  }

  @Override
  public String invite(String interactionSid, String channelSid, Map<String, Object> properties) {
    Map<String, Object> routing = Map.of("properties", properties);
    InteractionChannelInvite invite =
        twilio.call(
            "invite to channel",
            c -> InteractionChannelInvite.creator(interactionSid, channelSid, routing).create(c));
    JsonNode r = JSON.valueToTree(invite.getRouting());
    String taskSid = text(r.path("properties"), "sid");
    if (taskSid == null) {
      throw new IllegalStateException("invite " + invite.getSid() + " answered without a task sid");
    }
    return taskSid;
  }

  @Override
  public Map<String, Object> routingProperties(String taskChannel, ObjectNode attributes) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("workspace_sid", ws());
    p.put("task_channel_unique_name", taskChannel);
    p.put("attributes", attributes);
    return p;
  }

  @Override
  public void closeParticipant(String interactionSid, String channelSid, String participantSid) {
    twilio.run(
        "close channel participant",
        c ->
            InteractionChannelParticipant.updater(
                    interactionSid,
                    channelSid,
                    participantSid,
                    InteractionChannelParticipant.Status.CLOSED)
                .update(c));
  }

  @Override
  public void cancelTask(String taskSid, String reason) {
    twilio.run(
        "cancel invite task",
        c ->
            Task.updater(ws(), taskSid)
                .setAssignmentStatus(Task.Status.CANCELED)
                .setReason(reason)
                .update(c));
  }

  @Override
  public void rejectReservation(String taskSid, String reservationSid) {
    twilio.run(
        "reject reservation",
        c ->
            Reservation.updater(ws(), taskSid, reservationSid)
                .setReservationStatus(Reservation.Status.REJECTED)
                .update(c));
  }

  @Override
  public void closeChannel(String interactionSid, String channelSid) {
    twilio.run(
        "close interaction channel",
        c ->
            InteractionChannel.updater(
                    interactionSid, channelSid, InteractionChannel.UpdateChannelStatus.CLOSED)
                .setRouting(Map.of("status", "closed"))
                .update(c));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
