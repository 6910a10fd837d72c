package dev.flexkit.transfer;

import dev.flexkit.web.ApiException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a transfer's invite goes. Every invite names a workflow, because a workspace with more than
 * one refuses an invite without (R29): an agent is reached as a known worker through the transfer
 * workflow, with {@code queue_sid} beside {@code worker_sid} (R29, R35); a queue through the
 * transfer workflow, whose filters route on {@code transferTargetType} and {@code targetSid}; a
 * workflow through itself. The transfer workflow is a setting, or made by {@link TransferWorkflow}
 * at start.
 */
final class TransferRouting {
  private final Optional<String> agentQueueSid;
  private final Optional<String> defaultWorkflowSid;
  private final AtomicReference<String> transferWorkflowSid = new AtomicReference<>();

  TransferRouting(
      Optional<String> agentQueueSid,
      Optional<String> defaultWorkflowSid,
      Optional<String> transferWorkflowSid) {
    this.agentQueueSid = agentQueueSid.filter(s -> !s.isBlank());
    this.defaultWorkflowSid = defaultWorkflowSid;
    transferWorkflowSid.ifPresent(this.transferWorkflowSid::set);
  }

  void useTransferWorkflow(String workflowSid) {
    transferWorkflowSid.set(workflowSid);
  }

  Optional<String> transferWorkflowSid() {
    return Optional.ofNullable(transferWorkflowSid.get());
  }

  /** Refuses, before anything changes, a target this set-up cannot route. */
  void check(Transfer.TargetType type) {
    switch (type) {
      case WORKER -> {
        if (agentQueueSid.isEmpty()) {
          throw notConfigured(
              "Transfers to an agent need TWILIO_OUTBOUND_QUEUE_SID, a queue every agent is in");
        }
      }
      case QUEUE -> {
        if (transferWorkflowSid().isEmpty()) {
          throw notConfigured(
              "Transfers to a queue need TWILIO_TRANSFER_WORKFLOW_SID, a workflow that routes on"
                  + " transferTargetType and targetSid");
        }
      }
      case WORKFLOW -> {}
    }
  }

  /** Adds the target to an invite's routing properties. */
  void target(Map<String, Object> properties, Transfer.TargetType type, String targetSid) {
    check(type);
    switch (type) {
      case WORKER -> {
        workflowForWorkers().ifPresent(w -> properties.put("workflow_sid", w));
        properties.put("queue_sid", agentQueueSid.get());
        properties.put("worker_sid", targetSid);
      }
      case QUEUE -> properties.put("workflow_sid", transferWorkflowSid().get());
      case WORKFLOW -> properties.put("workflow_sid", targetSid);
    }
  }

  /** The last resort of a rollback: the account's default workflow routes it to anyone. */
  void anyone(Map<String, Object> properties) {
    properties.remove("worker_sid");
    properties.remove("queue_sid");
    defaultWorkflowSid
        .or(this::transferWorkflowSid)
        .ifPresent(w -> properties.put("workflow_sid", w));
  }

  private Optional<String> workflowForWorkers() {
    return transferWorkflowSid().or(() -> defaultWorkflowSid);
  }

  private static ApiException notConfigured(String message) {
    return new ApiException(503, "not_configured", message);
  }
}
