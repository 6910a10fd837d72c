package dev.flexkit.transfer;

import dev.flexkit.auth.FlexAgent;
import dev.flexkit.web.ApiException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The edge of a transfer: what the plugin sends becomes a {@link ValidTransfer}, or a refusal
 * naming the field.
 */
public final class TransferValidation {
  private static final Pattern TASK = Pattern.compile("WT[0-9a-f]{32}");
  private static final Map<Transfer.TargetType, Pattern> TARGETS =
      Map.of(
          Transfer.TargetType.WORKER, Pattern.compile("WK[0-9a-f]{32}"),
          Transfer.TargetType.QUEUE, Pattern.compile("WQ[0-9a-f]{32}"),
          Transfer.TargetType.WORKFLOW, Pattern.compile("WW[0-9a-f]{32}"));
  private static final int NOTE_MAX = 1000;

  private TransferValidation() {}

  /** Checks in the order the API documents them; nothing here calls Twilio or the store. */
  public static ValidTransfer validate(FlexAgent agent, TransferRequest request) {
    if (request == null) {
      throw new ApiException(400, "invalid_request", "A JSON body is required");
    }
    requireTask(request.taskSid());
    Transfer.TargetType targetType = targetType(request.targetType(), "targetType");
    if (request.targetSid() == null
        || !TARGETS.get(targetType).matcher(request.targetSid()).matches()) {
      throw new ApiException(
          400,
          "invalid_request",
          "targetSid must be a "
              + targetType.wire()
              + " SID ("
              + TARGETS.get(targetType).pattern().substring(0, 2)
              + "…)",
          "targetSid",
          null);
    }
    Transfer.Mode mode = mode(request.mode());
    String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
    if (note != null && note.length() > NOTE_MAX) {
      throw new ApiException(
          400, "invalid_request", "note must be at most " + NOTE_MAX + " characters", "note", null);
    }
    if (targetType == Transfer.TargetType.WORKER && request.targetSid().equals(agent.workerSid())) {
      throw new ApiException(409, "target_is_self", "You cannot transfer a task to yourself");
    }
    return new ValidTransfer(
        request.taskSid(),
        targetType,
        request.targetSid(),
        mode,
        note,
        Boolean.TRUE.equals(request.leaveOnAccept()));
  }

  static void requireTask(String taskSid) {
    if (taskSid == null || !TASK.matcher(taskSid).matches()) {
      throw new ApiException(
          400, "invalid_request", "taskSid must be a TaskRouter task SID (WT…)", "taskSid", null);
    }
  }

  static Transfer.TargetType targetType(String value, String field) {
    if (value != null) {
      for (Transfer.TargetType t : Transfer.TargetType.values()) {
        if (t.wire().equals(value)) {
          return t;
        }
      }
    }
    throw new ApiException(
        400, "invalid_request", field + " must be worker, queue or workflow", field, null);
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
}
