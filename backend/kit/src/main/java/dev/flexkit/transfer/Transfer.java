package dev.flexkit.transfer;

import java.time.Instant;

/**
 * One transfer of a messaging task, as stored. {@code inviteTaskSid} is the task the Interactions
 * invite created for the target; {@code fromParticipantSid} is the transferring agent's channel
 * participant, closed when they leave.
 */
public record Transfer(
    String id,
    String taskSid,
    String interactionSid,
    String channelSid,
    String conversationSid,
    String fromWorkerSid,
    String fromIdentity,
    String fromParticipantSid,
    TargetType targetType,
    String targetSid,
    Mode mode,
    boolean leaveOnAccept,
    String note,
    String taskChannel,
    String taskAttributes,
    String inviteTaskSid,
    Status status,
    String reason,
    Instant createdAt,
    Instant updatedAt) {

  public enum TargetType {
    WORKER,
    QUEUE,
    WORKFLOW;

    public String wire() {
      return name().toLowerCase();
    }
  }

  public enum Mode {
    COLD,
    WARM;

    public String wire() {
      return name().toLowerCase();
    }
  }

  /**
   * {@code PENDING}: the invite is out. {@code ACCEPTED}: warm only, the target joined and the
   * original agent has not left yet. The rest are final.
   */
  public enum Status {
    PENDING,
    ACCEPTED,
    COMPLETED,
    ROLLED_BACK,
    CANCELED,
    FAILED;

    public boolean inProgress() {
      return this == PENDING || this == ACCEPTED;
    }

    public String wire() {
      return name().toLowerCase();
    }
  }

  Transfer withInvite(String inviteTaskSid, String participantSid) {
    return new Transfer(
        id,
        taskSid,
        interactionSid,
        channelSid,
        conversationSid,
        fromWorkerSid,
        fromIdentity,
        participantSid,
        targetType,
        targetSid,
        mode,
        leaveOnAccept,
        note,
        taskChannel,
        taskAttributes,
        inviteTaskSid,
        status,
        reason,
        createdAt,
        updatedAt);
  }
}
