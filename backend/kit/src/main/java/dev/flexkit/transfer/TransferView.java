package dev.flexkit.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the plugin sees of a transfer, and polls while it is pending. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferView(
    String transferId,
    String taskSid,
    String status,
    String reason,
    String targetType,
    String targetSid,
    String mode,
    String inviteTaskSid) {
  static TransferView of(Transfer t) {
    return new TransferView(
        t.id(),
        t.taskSid(),
        t.status().wire(),
        t.reason(),
        t.targetType().wire(),
        t.targetSid(),
        t.mode().wire(),
        t.inviteTaskSid());
  }
}
