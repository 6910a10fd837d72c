package dev.flexkit.sandbox.taskrouter;

import dev.flexkit.sandbox.wire.TwilioException;

/** The Twilio error codes TaskRouter answers with, worded as Twilio words them where known. */
final class TaskRouterErrors {
  private TaskRouterErrors() {}

  /**
   * R42: wrapping up (or completing) a task that is not assigned. The wrap-up wording is Twilio's
   * (lehel-twilio/plugin-dialpad#26); "complete" is the same sentence with the other verb.
   */
  static TwilioException notAssigned(String verb, Task t, String workspaceSid, String accountSid) {
    return new TwilioException(
        400,
        20001,
        "Cannot "
            + verb
            + " a task "
            + t.sid
            + " in workspace "
            + workspaceSid
            + " for account "
            + accountSid
            + " because it is not currently assigned.");
  }

  /**
   * R36 (BP "Do not use Task API directly to cancel or delete a task"): Flex does not support it
   * for the tasks of an interaction. No source gives Twilio's answer, so 400 20001 is an inference.
   */
  static TwilioException endedOutsideFlex(String verb, Task t) {
    return new TwilioException(
        400,
        20001,
        "Cannot "
            + verb
            + " task "
            + t.sid
            + " through TaskRouter: it belongs to a Flex interaction; close its channel or"
            + " participant through the Interactions Channels subresource instead");
  }

  /** R40: Timeout is at most 1,209,600 seconds (two weeks). */
  static TwilioException timeoutOutOfRange(int timeout) {
    return TwilioException.invalidParameter(
        "Timeout", timeout + " is not between 1 and " + Task.MAX_TIMEOUT + " seconds");
  }

  /**
   * R46 (ERR/40155): a known worker (here {@code RoutingTarget}) who is not in the workspace. The
   * HTTP status is not documented; the sandbox answers 400.
   */
  static TwilioException workerNotInWorkspace(String workerSid, String workspaceSid) {
    return new TwilioException(
        400,
        40155,
        "Invalid Workspace for Known Worker: worker "
            + workerSid
            + " is not part of workspace "
            + workspaceSid);
  }

  /** R46 (ERR/40152): the known worker is not a member of the target queue; status as above. */
  static TwilioException workerNotInQueue(String workerSid, String queueSid) {
    return new TwilioException(
        400,
        40152,
        "Invalid Queue for Known Worker: worker "
            + workerSid
            + " is not part of TaskQueue "
            + queueSid);
  }
}
