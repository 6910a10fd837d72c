package dev.flexkit.transfer;

import dev.flexkit.auth.FlexAgent;
import dev.flexkit.twilio.TwilioCallException;
import dev.flexkit.web.ApiException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the transferring agent does with a transfer of theirs: look it up, poll it, cancel it,
 * complete it.
 */
public final class AgentTransferActions {
  private static final Logger LOG = LoggerFactory.getLogger(AgentTransferActions.class);

  private final InteractionSteps twilio;
  private final PendingTransfers store;
  private final TransferLifecycle lifecycle;

  public AgentTransferActions(
      InteractionSteps twilio, PendingTransfers store, TransferLifecycle lifecycle) {
    this.twilio = twilio;
    this.store = store;
    this.lifecycle = lifecycle;
  }

  /** The agent's own transfer; another agent's is as unknown as a missing one. */
  public Transfer find(FlexAgent agent, String id) {
    Transfer t =
        store.find(id).orElseThrow(() -> new ApiException(404, "not_found", "No transfer " + id));
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
        case "assigned", "wrapping", "completed" -> lifecycle.accepted(t);
        case "canceled" -> lifecycle.rollBack(t, "invite_canceled", false);
        default -> {}
      }
    } catch (RuntimeException e) {
      LOG.debug(
          "transfer {}: could not read invite task {}: {}",
          t.id(),
          t.inviteTaskSid(),
          e.getMessage());
    }
    return store.find(id).orElse(t);
  }

  public Optional<Transfer> latestForTask(FlexAgent agent, String taskSid) {
    TransferValidation.requireTask(taskSid);
    return store.latestForTask(taskSid).filter(t -> t.fromWorkerSid().equals(agent.workerSid()));
  }

  /**
   * Withdraws a pending invite. A cold transfer's agent has left already, so they are invited back.
   */
  public Transfer cancel(FlexAgent agent, String id) {
    Transfer t = find(agent, id);
    if (t.status() != Transfer.Status.PENDING) {
      throw new ApiException(
          409,
          "not_pending",
          "This transfer is " + t.status().wire() + " and can no longer be canceled");
    }
    if (t.inviteTaskSid() != null) {
      try {
        twilio.cancelTask(
            t.inviteTaskSid(), TransferLifecycle.OWN_CANCEL + "canceled by " + agent.identity());
      } catch (TwilioCallException e) {
        if (e.twilioStatus() == 0 || e.twilioStatus() >= 500 || e.twilioStatus() == 429) {
          throw e;
        }
        // 4xx: the invite's task is past canceling (accepted meanwhile); its event decides.
        throw new ApiException(409, "not_pending", "The target has already answered this transfer");
      }
    }
    lifecycle.finish(t, Transfer.Status.CANCELED, "canceled by " + agent.identity());
    return store.find(id).orElseThrow();
  }

  /** Warm transfer: the target is in; the original agent leaves now. */
  public Transfer complete(FlexAgent agent, String id) {
    Transfer t = find(agent, id);
    if (t.status() != Transfer.Status.ACCEPTED) {
      throw new ApiException(
          409,
          "not_accepted",
          "The target has not joined yet (transfer is " + t.status().wire() + ")");
    }
    lifecycle.leave(t);
    return store.find(id).orElseThrow();
  }
}
