package dev.flexkit.transfer;

/** {@code POST /api/transfers}. Who transfers is never in here: it comes from the Flex token. */
public record TransferRequest(
    String taskSid,
    String targetType,
    String targetSid,
    String mode,
    String note,
    Boolean leaveOnAccept) {}
