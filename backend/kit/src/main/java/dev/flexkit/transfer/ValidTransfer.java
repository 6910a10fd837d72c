package dev.flexkit.transfer;

/**
 * A transfer request that passed {@link TransferValidation}: SIDs of the right kind, a known target
 * type and mode, a trimmed note within bounds, and a target that is not the transferring agent.
 */
public record ValidTransfer(
    String taskSid,
    Transfer.TargetType targetType,
    String targetSid,
    Transfer.Mode mode,
    String note,
    boolean leaveOnAccept) {}
