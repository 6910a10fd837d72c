package dev.flexkit.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.twilio.TaskAttributes;
import dev.flexkit.webhooks.TaskRouterEvent;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transfer after its invite went out, driven by TaskRouter's events: the target accepting
 * completes a cold transfer (or lets a warm one's agent leave); rejection, timeout, the target
 * going offline or a cancel roll it back. A cold rollback invites the original agent back, since
 * they already left; a warm one has nothing to undo. When only the customer is left and nothing is
 * pending, the channel is closed.
 */
public final class TransferLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(TransferLifecycle.class);

  /** Marks the invites we withdraw ourselves, whose task.canceled event we already act on. */
  static final String OWN_CANCEL = "flexkit transfer: ";

  private final InteractionSteps twilio;
  private final PendingTransfers store;
  private final TransferRouting routing;

  public TransferLifecycle(
      InteractionSteps twilio, PendingTransfers store, TransferRouting routing) {
    this.twilio = twilio;
    this.store = store;
    this.routing = routing;
  }

  public void onTaskRouterEvent(TaskRouterEvent event) {
    String type = event.eventType();
    switch (type) {
      case "reservation.created" ->
          event
              .taskSid()
              .flatMap(store::inProgressForInvite)
              .filter(
                  t ->
                      t.targetType() != Transfer.TargetType.WORKER
                          && event.workerSid().orElse("").equals(t.fromWorkerSid()))
              .ifPresent(t -> declineForTransferringAgent(t, event));
      case "reservation.accepted" ->
          event.taskSid().flatMap(store::inProgressForInvite).ifPresent(this::accepted);
      case "reservation.rejected", "reservation.timeout" ->
          event
              .taskSid()
              .flatMap(store::inProgressForInvite)
              .filter(
                  t ->
                      t.targetType() == Transfer.TargetType.WORKER
                          && t.status() == Transfer.Status.PENDING)
              .ifPresent(
                  t ->
                      rollBack(
                          t,
                          type.equals("reservation.rejected")
                              ? "target_rejected"
                              : "target_timed_out",
                          true));
      case "task.canceled" ->
          event
              .taskSid()
              .filter(x -> !event.get("TaskCanceledReason").orElse("").startsWith(OWN_CANCEL))
              .flatMap(store::inProgressForInvite)
              .filter(t -> t.status() == Transfer.Status.PENDING)
              .ifPresent(
                  t ->
                      rollBack(
                          t,
                          "invite_canceled: "
                              + event.get("TaskCanceledReason").orElse("no agent took it"),
                          false));
      case "task.completed" ->
          event
              .taskSid()
              .flatMap(store::forInvite)
              .filter(t -> t.status() == Transfer.Status.COMPLETED)
              .ifPresent(this::closeChannelIfOnlyCustomerLeft);
      case "worker.activity.update" -> event.workerSid().ifPresent(this::targetActivityChanged);
      default -> {}
    }
  }

  /**
   * The target took the invite: a cold transfer is done; a warm one waits for its agent to leave
   * (unless told to).
   */
  void accepted(Transfer t) {
    if (t.mode() == Transfer.Mode.COLD) {
      store.transition(t.id(), Transfer.Status.PENDING, Transfer.Status.COMPLETED, null);
      return;
    }
    if (store.transition(t.id(), Transfer.Status.PENDING, Transfer.Status.ACCEPTED, null)
        && t.leaveOnAccept()) {
      leave(t);
    }
  }

  /** Warm transfer, target in: the original agent leaves, and the transfer is complete. */
  void leave(Transfer t) {
    twilio.closeParticipant(t.interactionSid(), t.channelSid(), t.fromParticipantSid());
    if (store.transition(t.id(), Transfer.Status.ACCEPTED, Transfer.Status.COMPLETED, null)) {
      closeChannelIfOnlyCustomerLeft(t);
    }
  }

  /**
   * A queue or workflow may offer the task back to the agent who transferred it; it goes on to
   * someone else.
   */
  private void declineForTransferringAgent(Transfer t, TaskRouterEvent event) {
    event
        .reservationSid()
        .ifPresent(
            r -> {
              try {
                twilio.rejectReservation(t.inviteTaskSid(), r);
              } catch (RuntimeException e) {
                LOG.warn(
                    "transfer {}: could not hand reservation {} back: {}",
                    t.id(),
                    r,
                    e.getMessage());
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

  void rollBack(Transfer t, String reason, boolean withdrawInvite) {
    if (withdrawInvite && t.inviteTaskSid() != null) {
      withdrawInvite(t.inviteTaskSid(), reason);
    }
    finish(t, Transfer.Status.ROLLED_BACK, reason);
  }

  /** Ends a pending transfer; a cold one's agent, who has left, gets the conversation back. */
  void finish(Transfer t, Transfer.Status status, String reason) {
    if (!store.transition(t.id(), Transfer.Status.PENDING, status, reason)) {
      return;
    }
    LOG.info("transfer {} of {} {}: {}", t.id(), t.taskSid(), status.wire(), reason);
    if (t.mode() == Transfer.Mode.COLD) {
      returnToOriginalAgent(t, reason);
    }
  }

  private void returnToOriginalAgent(Transfer t, String reason) {
    ObjectNode attributes = TaskAttributes.stripFlexOwned(TaskAttributes.parse(t.taskAttributes()));
    attributes.put("transferId", t.id());
    attributes.put("transferReturned", true);
    attributes.put("transferFailureReason", reason);
    Map<String, Object> p = twilio.routingProperties(t.taskChannel(), attributes);
    try {
      routing.target(p, Transfer.TargetType.WORKER, t.fromWorkerSid());
      twilio.invite(t.interactionSid(), t.channelSid(), p);
      return;
    } catch (RuntimeException e) {
      LOG.warn(
          "transfer {}: could not invite {} back ({}); routing the conversation through its workflow",
          t.id(),
          t.fromIdentity(),
          e.getMessage());
    }
    routing.anyone(p);
    try {
      twilio.invite(t.interactionSid(), t.channelSid(), p);
    } catch (RuntimeException e) {
      LOG.error(
          "transfer {}: conversation {} could not be routed to anyone: {}",
          t.id(),
          t.conversationSid(),
          e.getMessage());
      closeChannelIfOnlyCustomerLeft(t);
    }
  }

  /** Cancels the invite's task, marked as ours so its task.canceled event is not acted on twice. */
  void withdrawInvite(String inviteTaskSid, String reason) {
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
      boolean anyAgent =
          twilio.participants(t.interactionSid(), t.channelSid()).stream()
              .anyMatch(p -> !"customer".equals(p.type()));
      boolean pending = store.inProgressForTask(t.taskSid()).isPresent();
      if (!anyAgent && !pending) {
        twilio.closeChannel(t.interactionSid(), t.channelSid());
        LOG.info(
            "transfer {}: only the customer was left; interaction channel {} closed",
            t.id(),
            t.channelSid());
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "transfer {}: could not check or close channel {}: {}",
          t.id(),
          t.channelSid(),
          e.getMessage());
    }
  }
}
