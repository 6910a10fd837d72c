package dev.flexkit.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.twilio.Futures;
import dev.flexkit.twilio.TaskAttributes;
import dev.flexkit.twilio.TwilioCallException;
import dev.flexkit.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of a transfer, cold or warm, through a Flex Interactions invite.
 *
 * <p>In order: (1) fetch the task and (2) its accepted reservation, so only its owner may transfer;
 * (3) check the target can take it; (4) list the channel's participants; claim the transfer in the
 * store (one in progress per task); (5) invite the target; (6) cold only: close the transferring
 * agent's participant. Nothing changes before step 5. Compensation: if 5 fails the transfer is
 * marked failed and nothing else exists; if 6 fails the invite's task is canceled and the original
 * agent, never having left, keeps the conversation. What follows is {@link TransferLifecycle}'s.
 */
public final class TransferStart {
  private static final Logger LOG = LoggerFactory.getLogger(TransferStart.class);

  private final InteractionSteps twilio;
  private final PendingTransfers store;
  private final TransferLifecycle lifecycle;
  private final TransferRouting routing;
  private final Clock clock;

  /** Independent reads run side by side; the gateway still bounds what is in flight to Twilio. */
  private final Executor reads;

  public TransferStart(
      InteractionSteps twilio,
      PendingTransfers store,
      TransferLifecycle lifecycle,
      TransferRouting routing,
      Clock clock,
      Executor reads) {
    this.twilio = twilio;
    this.store = store;
    this.lifecycle = lifecycle;
    this.routing = routing;
    this.clock = clock;
    this.reads = reads;
  }

  public Transfer start(FlexAgent agent, ValidTransfer request) {
    routing.check(request.targetType());
    // 1-2: the task, and that this agent holds it (independent reads, made together).
    CompletableFuture<InteractionSteps.TaskView> fetched =
        async(() -> twilio.task(request.taskSid()));
    CompletableFuture<Boolean> owned =
        async(() -> twilio.acceptedBy(request.taskSid(), agent.workerSid()));
    InteractionSteps.TaskView task = Futures.join(fetched);
    if (!"assigned".equals(task.status()) || !Futures.join(owned)) {
      throw new ApiException(
          403, "not_task_owner", "Only the agent currently assigned to this task can transfer it");
    }
    String interactionSid = task.attr("flexInteractionSid");
    String channelSid = task.attr("flexInteractionChannelSid");
    if (interactionSid == null || channelSid == null) {
      throw new ApiException(
          409, "not_a_messaging_task", "This task is not a Flex Conversations messaging task");
    }
    if (store.inProgressForTask(task.sid()).isPresent()) {
      throw new ApiException(409, "transfer_pending", "A transfer of this task is already pending");
    }

    // 3-4, together: the target can take it (checked before anything changes), and who is in the
    // channel: the transferring agent's participant and every agent to exclude.
    CompletableFuture<Void> checked =
        async(
            () -> {
              precheck(agent, request.targetType(), request.targetSid(), task.taskChannel());
              return null;
            });
    CompletableFuture<List<InteractionSteps.ChannelParticipant>> listed =
        async(() -> twilio.participants(interactionSid, channelSid));
    Futures.join(checked);
    List<InteractionSteps.ChannelParticipant> participants = Futures.join(listed);
    InteractionSteps.ChannelParticipant mine =
        participants.stream()
            .filter(
                p ->
                    "agent".equals(p.type())
                        && (task.sid().equals(p.taskSid())
                            || agent.workerSid().equals(p.workerSid())))
            .findFirst()
            .orElseThrow(
                () ->
                    new ApiException(
                        409,
                        "not_in_conversation",
                        "You are not a participant of this conversation"));
    if (request.targetType() == Transfer.TargetType.WORKER
        && participants.stream().anyMatch(p -> request.targetSid().equals(p.workerSid()))) {
      throw new ApiException(
          409, "target_already_in_conversation", "That agent is already in this conversation");
    }
    List<String> excluded =
        participants.stream()
            .filter(p -> p.workerSid() != null)
            .map(p -> p.workerSid())
            .distinct()
            .toList();

    Instant now = clock.instant();
    Transfer transfer =
        new Transfer(
            "TR" + UUID.randomUUID().toString().replace("-", ""),
            task.sid(),
            interactionSid,
            channelSid,
            task.attr("conversationSid"),
            agent.workerSid(),
            agent.identity(),
            mine.sid(),
            request.targetType(),
            request.targetSid(),
            request.mode(),
            request.leaveOnAccept(),
            request.note(),
            task.taskChannel(),
            task.attributes().toString(),
            null,
            Transfer.Status.PENDING,
            null,
            now,
            now);
    if (!store.claim(transfer)) {
      throw new ApiException(409, "transfer_pending", "A transfer of this task is already pending");
    }

    // 5: the invite. If it fails nothing else has changed.
    String inviteTaskSid;
    try {
      inviteTaskSid =
          twilio.invite(interactionSid, channelSid, inviteRouting(transfer, agent, excluded, task));
    } catch (RuntimeException e) {
      store.transition(
          transfer.id(),
          Transfer.Status.PENDING,
          Transfer.Status.FAILED,
          "invite failed: " + e.getMessage());
      throw e;
    }
    store.recordInvite(transfer.id(), inviteTaskSid, mine.sid());
    transfer = transfer.withInvite(inviteTaskSid, mine.sid());

    // 6: cold only, and only now: the transferring agent leaves.
    if (request.mode() == Transfer.Mode.COLD) {
      try {
        twilio.closeParticipant(interactionSid, channelSid, mine.sid());
      } catch (RuntimeException e) {
        // Compensation: withdraw the invite; the original agent never left.
        lifecycle.withdrawInvite(inviteTaskSid, "transfer failed");
        store.transition(
            transfer.id(),
            Transfer.Status.PENDING,
            Transfer.Status.FAILED,
            "could not hand the conversation over: " + e.getMessage());
        throw e;
      }
    }
    LOG.info(
        "transfer {} of {} ({} to {} {}) invited as {}",
        transfer.id(),
        task.sid(),
        request.mode().wire(),
        request.targetType().wire(),
        request.targetSid(),
        inviteTaskSid);
    return store.find(transfer.id()).orElse(transfer);
  }

  private void precheck(
      FlexAgent agent, Transfer.TargetType type, String targetSid, String taskChannel) {
    try {
      switch (type) {
        case WORKER -> {
          InteractionSteps.WorkerView w = twilio.worker(targetSid, taskChannel);
          if (!w.available()) {
            throw new ApiException(
                409,
                "target_unavailable",
                w.friendlyName() + " is " + w.activity() + " and cannot take transfers");
          }
          if (w.freeCapacity() == null || w.freeCapacity() <= 0) {
            throw new ApiException(
                409,
                "target_at_capacity",
                w.friendlyName() + " has no free capacity for " + taskChannel);
          }
        }
        case QUEUE -> {
          InteractionSteps.QueueView q = twilio.queue(targetSid, agent.workerSid());
          if (q.availableWorkers() == 0) {
            throw new ApiException(
                409, "no_available_agents", "No agent is available in " + q.friendlyName());
          }
        }
        case WORKFLOW -> twilio.workflow(targetSid);
      }
    } catch (TwilioCallException e) {
      if (e.twilioStatus() == 404) {
        throw new ApiException(
            404, "target_not_found", "No " + type.wire() + " " + targetSid, "targetSid", null);
      }
      throw e;
    }
  }

  private Map<String, Object> inviteRouting(
      Transfer t, FlexAgent agent, List<String> excluded, InteractionSteps.TaskView task) {
    // Flex adds its own interaction attributes to the new task; stale copies must not override
    // them.
    ObjectNode attributes = TaskAttributes.stripFlexOwned(task.attributes().deepCopy());
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
    ObjectNode conversations =
        attributes.path("conversations").isObject()
            ? (ObjectNode) attributes.get("conversations")
            : attributes.putObject("conversations");
    if (!conversations.hasNonNull("conversation_id")) {
      conversations.put("conversation_id", t.taskSid());
    }
    Map<String, Object> p = twilio.routingProperties(t.taskChannel(), attributes);
    routing.target(p, t.targetType(), t.targetSid());
    if (task.priority() != null) {
      p.put("priority", task.priority());
    }
    return p;
  }

  private <T> CompletableFuture<T> async(Supplier<T> read) {
    return CompletableFuture.supplyAsync(read, reads);
  }
}
