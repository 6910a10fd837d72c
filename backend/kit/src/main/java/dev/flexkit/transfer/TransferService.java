package dev.flexkit.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.twilio.TwilioCallException;
import dev.flexkit.web.ApiException;
import dev.flexkit.webhooks.TaskRouterEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transfers of messaging tasks through Flex Interactions invites, cold or warm.
 *
 * <p>Start, in order: (1) fetch the task and (2) its accepted reservation, so only its owner may
 * transfer; (3) check the target can take it; (4) list the channel's participants; claim the
 * transfer in the store (one in progress per task); (5) invite the target; (6) cold only: close
 * the transferring agent's participant. Nothing changes before step 5. Compensation: if 5 fails
 * the transfer is marked failed and nothing else exists; if 6 fails the invite's task is canceled
 * and the original agent, never having left, keeps the conversation.
 *
 * <p>After that, TaskRouter's events drive it: the target accepting completes a cold transfer (or
 * lets a warm one's agent leave); rejection, timeout, the target going offline or a cancel roll it
 * back. A cold rollback invites the original agent back, since they already left; a warm one has
 * nothing to undo. When only the customer is left and nothing is pending, the channel is closed.
 */
public final class TransferService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransferService.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TASK = Pattern.compile("WT[0-9a-f]{32}");
  private static final Map<Transfer.TargetType, Pattern> TARGETS = Map.of(
      Transfer.TargetType.WORKER, Pattern.compile("WK[0-9a-f]{32}"),
      Transfer.TargetType.QUEUE, Pattern.compile("WQ[0-9a-f]{32}"),
      Transfer.TargetType.WORKFLOW, Pattern.compile("WW[0-9a-f]{32}"));
  private static final int NOTE_MAX = 1000;
  /** Marks the invites we withdraw ourselves, whose task.canceled event we already act on. */
  static final String OWN_CANCEL = "flexkit transfer: ";

  private final InteractionSteps twilio;
  private final PendingTransfers store;
  private final Clock clock;
  /** Independent reads run side by side; the gateway still bounds what is in flight to Twilio. */
  private final ExecutorService reads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "transfer-read");
    t.setDaemon(true);
    return t;
  });

  public TransferService(InteractionSteps twilio, PendingTransfers store, Clock clock) {
    this.twilio = twilio;
    this.store = store;
    this.clock = clock;
  }

  // ---- directory ----

  public TransferTargets targets(FlexAgent agent, String type, String query, String taskSid) {
    Transfer.TargetType targetType = targetType(type, "type");
    String taskChannel = "chat";
    if (taskSid != null && !taskSid.isBlank()) {
      requireTask(taskSid);
      taskChannel = twilio.task(taskSid).taskChannel();
    }
    String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
    List<TransferTargets.Target> out = new ArrayList<>();
    switch (targetType) {
      case WORKER -> twilio.workers(taskChannel).stream()
          .filter(w -> !w.sid().equals(agent.workerSid()))
          .forEach(w -> out.add(new TransferTargets.Target(w.sid(), w.friendlyName(), w.available(), w.activity(),
              w.freeCapacity() == null ? 0 : w.freeCapacity(), null)));
      case QUEUE -> twilio.queues(agent.workerSid()).forEach(x ->
          out.add(new TransferTargets.Target(x.sid(), x.friendlyName(), x.availableWorkers() > 0, null, null,
              x.availableWorkers())));
      case WORKFLOW -> twilio.workflows().forEach(x ->
          out.add(new TransferTargets.Target(x.sid(), x.friendlyName(), null, null, null, null)));
    }
    return new TransferTargets(targetType.wire(), taskChannel,
        out.stream().filter(t -> q.isEmpty() || t.name().toLowerCase(Locale.ROOT).contains(q)).toList());
  }

  // ---- start ----

  public Transfer start(FlexAgent agent, TransferRequest request) {
    if (request == null) {
      throw new ApiException(400, "invalid_request", "A JSON body is required");
    }
    requireTask(request.taskSid());
    Transfer.TargetType targetType = targetType(request.targetType(), "targetType");
    if (request.targetSid() == null || !TARGETS.get(targetType).matcher(request.targetSid()).matches()) {
      throw new ApiException(400, "invalid_request", "targetSid must be a " + targetType.wire() + " SID ("
          + TARGETS.get(targetType).pattern().substring(0, 2) + "…)", "targetSid", null);
    }
    Transfer.Mode mode = mode(request.mode());
    String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
    if (note != null && note.length() > NOTE_MAX) {
      throw new ApiException(400, "invalid_request", "note must be at most " + NOTE_MAX + " characters", "note", null);
    }
    if (targetType == Transfer.TargetType.WORKER && request.targetSid().equals(agent.workerSid())) {
      throw new ApiException(409, "target_is_self", "You cannot transfer a task to yourself");
    }

    // 1-2: the task, and that this agent holds it (independent reads, made together).
    CompletableFuture<InteractionSteps.TaskView> fetched = async(() -> twilio.task(request.taskSid()));
    CompletableFuture<Boolean> owned = async(() -> twilio.acceptedBy(request.taskSid(), agent.workerSid()));
    InteractionSteps.TaskView task = join(fetched);
    if (!"assigned".equals(task.status()) || !join(owned)) {
      throw new ApiException(403, "not_task_owner", "Only the agent currently assigned to this task can transfer it");
    }
    String interactionSid = task.attr("flexInteractionSid");
    String channelSid = task.attr("flexInteractionChannelSid");
    if (interactionSid == null || channelSid == null) {
      throw new ApiException(409, "not_a_messaging_task", "This task is not a Flex Conversations messaging task");
    }
    if (store.inProgressForTask(task.sid()).isPresent()) {
      throw new ApiException(409, "transfer_pending", "A transfer of this task is already pending");
    }

    // 3-4, together: the target can take it (checked before anything changes), and who is in the
    // channel: the transferring agent's participant and every agent to exclude.
    CompletableFuture<Void> checked = async(() -> {
      precheck(agent, targetType, request.targetSid(), task.taskChannel());
      return null;
    });
    CompletableFuture<List<InteractionSteps.ChannelParticipant>> listed = async(() -> twilio.participants(interactionSid, channelSid));
    join(checked);
    List<InteractionSteps.ChannelParticipant> participants = join(listed);
    InteractionSteps.ChannelParticipant mine = participants.stream()
        .filter(p -> "agent".equals(p.type()) && (task.sid().equals(p.taskSid()) || agent.workerSid().equals(p.workerSid())))
        .findFirst()
        .orElseThrow(() -> new ApiException(409, "not_in_conversation", "You are not a participant of this conversation"));
    if (targetType == Transfer.TargetType.WORKER && participants.stream().anyMatch(p -> request.targetSid().equals(p.workerSid()))) {
      throw new ApiException(409, "target_already_in_conversation", "That agent is already in this conversation");
    }
    List<String> excluded = participants.stream().filter(p -> p.workerSid() != null).map(p -> p.workerSid()).distinct().toList();

    Instant now = clock.instant();
    Transfer transfer = new Transfer("TR" + UUID.randomUUID().toString().replace("-", ""), task.sid(), interactionSid,
        channelSid, task.attr("conversationSid"), agent.workerSid(), agent.identity(), mine.sid(), targetType,
        request.targetSid(), mode, Boolean.TRUE.equals(request.leaveOnAccept()), note, task.taskChannel(),
        task.attributes().toString(), null, Transfer.Status.PENDING,
        null, now, now);
    if (!store.claim(transfer)) {
      throw new ApiException(409, "transfer_pending", "A transfer of this task is already pending");
    }

    // 5: the invite. If it fails nothing else has changed.
    String inviteTaskSid;
    try {
      inviteTaskSid = twilio.invite(interactionSid, channelSid, inviteRouting(transfer, agent, excluded, task));
    } catch (RuntimeException e) {
      store.transition(transfer.id(), Transfer.Status.PENDING, Transfer.Status.FAILED, "invite failed: " + e.getMessage());
      throw e;
    }
    store.recordInvite(transfer.id(), inviteTaskSid, mine.sid());
    transfer = transfer.withInvite(inviteTaskSid, mine.sid());

    // 6: cold only, and only now: the transferring agent leaves.
    if (mode == Transfer.Mode.COLD) {
      try {
        twilio.closeParticipant(interactionSid, channelSid, mine.sid());
      } catch (RuntimeException e) {
        // Compensation: withdraw the invite; the original agent never left.
        withdrawInvite(inviteTaskSid, "transfer failed");
        store.transition(transfer.id(), Transfer.Status.PENDING, Transfer.Status.FAILED,
            "could not hand the conversation over: " + e.getMessage());
        throw e;
      }
    }
    LOG.info("transfer {} of {} ({} to {} {}) invited as {}", transfer.id(), task.sid(), mode.wire(), targetType.wire(),
        request.targetSid(), inviteTaskSid);
    return store.find(transfer.id()).orElse(transfer);
  }

  private void precheck(FlexAgent agent, Transfer.TargetType type, String targetSid, String taskChannel) {
    try {
      switch (type) {
        case WORKER -> {
          InteractionSteps.WorkerView w = twilio.worker(targetSid, taskChannel);
          if (!w.available()) {
            throw new ApiException(409, "target_unavailable", w.friendlyName() + " is " + w.activity() + " and cannot take transfers");
          }
          if (w.freeCapacity() == null || w.freeCapacity() <= 0) {
            throw new ApiException(409, "target_at_capacity", w.friendlyName() + " has no free capacity for " + taskChannel);
          }
        }
        case QUEUE -> {
          InteractionSteps.QueueView q = twilio.queue(targetSid, agent.workerSid());
          if (q.availableWorkers() == 0) {
            throw new ApiException(409, "no_available_agents", "No agent is available in " + q.friendlyName());
          }
        }
        case WORKFLOW -> twilio.workflow(targetSid);
      }
    } catch (TwilioCallException e) {
      if (e.twilioStatus() == 404) {
        throw new ApiException(404, "target_not_found", "No " + type.wire() + " " + targetSid, "targetSid", null);
      }
      throw e;
    }
  }

  private Map<String, Object> inviteRouting(Transfer t, FlexAgent agent, List<String> excluded, InteractionSteps.TaskView task) {
    ObjectNode attributes = task.attributes().deepCopy();
    // Flex adds its own interaction attributes to the new task; stale copies must not override them.
    for (String flexOwned : List.of("flexChannelInviteSid", "flexInteractionChannelSid", "flexInteractionSid")) {
      attributes.remove(flexOwned);
    }
    // A chat transferred before carries that transfer's note and outcome; they are not this one's.
    attributes.remove(List.of("transferNote", "transferReturned", "transferFailureReason"));
    attributes.put("transferTargetType", t.targetType().wire());
    attributes.put("targetSid", t.targetSid());
    attributes.put("ignoreAgent", agent.identity());
    attributes.put("transferId", t.id());
    attributes.put("transferMode", t.mode().wire());
    attributes.put("transferredFromTaskSid", t.taskSid());
    ArrayNode ex = attributes.putArray("workerSidsInConversation");
    excluded.forEach(ex::add);
    if (t.note() != null) {
      attributes.put("transferNote", t.note());
    }
    ObjectNode conversations = attributes.path("conversations").isObject()
        ? (ObjectNode) attributes.get("conversations") : attributes.putObject("conversations");
    if (!conversations.hasNonNull("conversation_id")) {
      conversations.put("conversation_id", t.taskSid());
    }
    Map<String, Object> p = twilio.routingProperties(t.taskChannel(), attributes);
    switch (t.targetType()) {
      case WORKER -> p.put("worker_sid", t.targetSid());
      case QUEUE -> p.put("queue_sid", t.targetSid());
      case WORKFLOW -> p.put("workflow_sid", t.targetSid());
    }
    if (task.priority() != null) {
      p.put("priority", task.priority());
    }
    return p;
  }

  // ---- agent actions on a pending transfer ----

  public Transfer find(FlexAgent agent, String id) {
    Transfer t = store.find(id).orElseThrow(() -> new ApiException(404, "not_found", "No transfer " + id));
    if (!t.fromWorkerSid().equals(agent.workerSid())) {
      throw new ApiException(404, "not_found", "No transfer " + id);
    }
    return t;
  }

  /**
   * A transfer as it stands, caught up with TaskRouter when still pending: a webhook lost while
   * this service was down (or an accept racing the invite's answer) must not leave it pending for
   * ever, blocking the agent's wrap-up. The plugin polls this while it waits.
   */
  public Transfer status(FlexAgent agent, String id) {
    Transfer t = find(agent, id);
    if (t.status() != Transfer.Status.PENDING || t.inviteTaskSid() == null) {
      return t;
    }
    try {
      switch (twilio.task(t.inviteTaskSid()).status()) {
        case "assigned", "wrapping", "completed" -> accepted(t);
        case "canceled" -> rollBack(t, "invite_canceled", false);
        default -> { }
      }
    } catch (RuntimeException e) {
      LOG.debug("transfer {}: could not read invite task {}: {}", t.id(), t.inviteTaskSid(), e.getMessage());
    }
    return store.find(id).orElse(t);
  }

  public Optional<Transfer> latestForTask(FlexAgent agent, String taskSid) {
    requireTask(taskSid);
    return store.latestForTask(taskSid).filter(t -> t.fromWorkerSid().equals(agent.workerSid()));
  }

  /** Withdraws a pending invite. A cold transfer's agent has left already, so they are invited back. */
  public Transfer cancel(FlexAgent agent, String id) {
    Transfer t = find(agent, id);
    if (t.status() != Transfer.Status.PENDING) {
      throw new ApiException(409, "not_pending", "This transfer is " + t.status().wire() + " and can no longer be canceled");
    }
    if (t.inviteTaskSid() != null) {
      try {
        twilio.cancelTask(t.inviteTaskSid(), OWN_CANCEL + "canceled by " + agent.identity());
      } catch (TwilioCallException e) {
        if (e.twilioStatus() == 0 || e.twilioStatus() >= 500 || e.twilioStatus() == 429) {
          throw e;
        }
        // 4xx: the invite's task is past canceling (accepted meanwhile); its event decides.
        throw new ApiException(409, "not_pending", "The target has already answered this transfer");
      }
    }
    finish(t, Transfer.Status.CANCELED, "canceled by " + agent.identity());
    return store.find(id).orElseThrow();
  }

  /** Warm transfer: the target is in; the original agent leaves now. */
  public Transfer complete(FlexAgent agent, String id) {
    Transfer t = find(agent, id);
    if (t.status() != Transfer.Status.ACCEPTED) {
      throw new ApiException(409, "not_accepted", "The target has not joined yet (transfer is " + t.status().wire() + ")");
    }
    leave(t);
    return store.find(id).orElseThrow();
  }

  private void leave(Transfer t) {
    twilio.closeParticipant(t.interactionSid(), t.channelSid(), t.fromParticipantSid());
    if (store.transition(t.id(), Transfer.Status.ACCEPTED, Transfer.Status.COMPLETED, null)) {
      closeChannelIfOnlyCustomerLeft(t);
    }
  }

  // ---- TaskRouter events ----

  public void onTaskRouterEvent(TaskRouterEvent event) {
    String type = event.eventType();
    switch (type) {
      case "reservation.created" -> event.taskSid().flatMap(store::inProgressForInvite)
          .filter(t -> t.targetType() != Transfer.TargetType.WORKER && event.workerSid().orElse("").equals(t.fromWorkerSid()))
          .ifPresent(t -> declineForTransferringAgent(t, event));
      case "reservation.accepted" -> event.taskSid().flatMap(store::inProgressForInvite).ifPresent(this::accepted);
      case "reservation.rejected", "reservation.timeout" -> event.taskSid().flatMap(store::inProgressForInvite)
          .filter(t -> t.targetType() == Transfer.TargetType.WORKER && t.status() == Transfer.Status.PENDING)
          .ifPresent(t -> rollBack(t, type.equals("reservation.rejected") ? "target_rejected" : "target_timed_out", true));
      case "task.canceled" -> event.taskSid()
          .filter(x -> !event.get("TaskCanceledReason").orElse("").startsWith(OWN_CANCEL))
          .flatMap(store::inProgressForInvite)
          .filter(t -> t.status() == Transfer.Status.PENDING)
          .ifPresent(t -> rollBack(t, "invite_canceled: " + event.get("TaskCanceledReason").orElse("no agent took it"), false));
      case "task.completed" -> event.taskSid().flatMap(store::forInvite)
          .filter(t -> t.status() == Transfer.Status.COMPLETED).ifPresent(this::closeChannelIfOnlyCustomerLeft);
      case "worker.activity.update" -> event.workerSid().ifPresent(this::targetActivityChanged);
      default -> { }
    }
  }

  private void accepted(Transfer t) {
    if (t.mode() == Transfer.Mode.COLD) {
      store.transition(t.id(), Transfer.Status.PENDING, Transfer.Status.COMPLETED, null);
      return;
    }
    if (store.transition(t.id(), Transfer.Status.PENDING, Transfer.Status.ACCEPTED, null) && t.leaveOnAccept()) {
      leave(t);
    }
  }

  /** A queue or workflow may offer the task back to the agent who transferred it; it goes on to someone else. */
  private void declineForTransferringAgent(Transfer t, TaskRouterEvent event) {
    event.reservationSid().ifPresent(r -> {
      try {
        twilio.rejectReservation(t.inviteTaskSid(), r);
      } catch (RuntimeException e) {
        LOG.warn("transfer {}: could not hand reservation {} back: {}", t.id(), r, e.getMessage());
      }
    });
  }

  private void targetActivityChanged(String workerSid) {
    for (Transfer t : store.inProgressToWorker(workerSid)) {
      if (t.status() != Transfer.Status.PENDING) {
        continue;
      }
      InteractionSteps.WorkerView w = twilio.worker(workerSid, t.taskChannel());
      if (!w.available()) {
        rollBack(t, "target_offline", true);
      }
    }
  }

  private void rollBack(Transfer t, String reason, boolean withdrawInvite) {
    if (withdrawInvite && t.inviteTaskSid() != null) {
      withdrawInvite(t.inviteTaskSid(), reason);
    }
    finish(t, Transfer.Status.ROLLED_BACK, reason);
  }

  /** Ends a pending transfer; a cold one's agent, who has left, gets the conversation back. */
  private void finish(Transfer t, Transfer.Status status, String reason) {
    if (!store.transition(t.id(), Transfer.Status.PENDING, status, reason)) {
      return;
    }
    LOG.info("transfer {} of {} {}: {}", t.id(), t.taskSid(), status.wire(), reason);
    if (t.mode() == Transfer.Mode.COLD) {
      returnToOriginalAgent(t, reason);
    }
  }

  private void returnToOriginalAgent(Transfer t, String reason) {
    ObjectNode attributes;
    try {
      JsonNode parsed = JSON.readTree(t.taskAttributes());
      attributes = parsed.isObject() ? (ObjectNode) parsed : JSON.createObjectNode();
    } catch (Exception e) {
      attributes = JSON.createObjectNode();
    }
    for (String flexOwned : List.of("flexChannelInviteSid", "flexInteractionChannelSid", "flexInteractionSid")) {
      attributes.remove(flexOwned);
    }
    attributes.put("transferId", t.id());
    attributes.put("transferReturned", true);
    attributes.put("transferFailureReason", reason);
    Map<String, Object> p = twilio.routingProperties(t.taskChannel(), attributes);
    p.put("worker_sid", t.fromWorkerSid());
    try {
      twilio.invite(t.interactionSid(), t.channelSid(), p);
      return;
    } catch (RuntimeException e) {
      LOG.warn("transfer {}: could not invite {} back ({}); routing the conversation through its workflow",
          t.id(), t.fromIdentity(), e.getMessage());
    }
    p.remove("worker_sid");
    try {
      twilio.invite(t.interactionSid(), t.channelSid(), p);
    } catch (RuntimeException e) {
      LOG.error("transfer {}: conversation {} could not be routed to anyone: {}", t.id(), t.conversationSid(), e.getMessage());
      closeChannelIfOnlyCustomerLeft(t);
    }
  }

  private void withdrawInvite(String inviteTaskSid, String reason) {
    try {
      twilio.cancelTask(inviteTaskSid, OWN_CANCEL + reason);
    } catch (RuntimeException e) {
      // Already canceled (a rejected worker invite is) or answered: nothing left to withdraw.
      LOG.debug("invite task {} not canceled: {}", inviteTaskSid, e.getMessage());
    }
  }

  /** No conversation stays open for 180 days holding only its customer. */
  private void closeChannelIfOnlyCustomerLeft(Transfer t) {
    try {
      boolean anyAgent = twilio.participants(t.interactionSid(), t.channelSid()).stream()
          .anyMatch(p -> !"customer".equals(p.type()));
      boolean pending = store.inProgressForTask(t.taskSid()).isPresent();
      if (!anyAgent && !pending) {
        twilio.closeChannel(t.interactionSid(), t.channelSid());
        LOG.info("transfer {}: only the customer was left; interaction channel {} closed", t.id(), t.channelSid());
      }
    } catch (RuntimeException e) {
      LOG.warn("transfer {}: could not check or close channel {}: {}", t.id(), t.channelSid(), e.getMessage());
    }
  }

  private <T> CompletableFuture<T> async(Supplier<T> read) {
    return CompletableFuture.supplyAsync(read, reads);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  // ---- input ----

  private static void requireTask(String taskSid) {
    if (taskSid == null || !TASK.matcher(taskSid).matches()) {
      throw new ApiException(400, "invalid_request", "taskSid must be a TaskRouter task SID (WT…)", "taskSid", null);
    }
  }

  private static Transfer.TargetType targetType(String value, String field) {
    if (value != null) {
      for (Transfer.TargetType t : Transfer.TargetType.values()) {
        if (t.wire().equals(value)) {
          return t;
        }
      }
    }
    throw new ApiException(400, "invalid_request", field + " must be worker, queue or workflow", field, null);
  }

  private static Transfer.Mode mode(String value) {
    if (value == null || value.equals("cold")) {
      return Transfer.Mode.COLD;
    }
    if (value.equals("warm")) {
      return Transfer.Mode.WARM;
    }
    throw new ApiException(400, "invalid_request", "mode must be cold or warm", "mode", null);
  }

  @Override
  public void close() {
    reads.shutdown();
  }
}
