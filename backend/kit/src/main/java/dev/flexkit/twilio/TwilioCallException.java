package dev.flexkit.twilio;

import dev.flexkit.web.ApiException;

/**
 * A Twilio call that failed, as our API reports it: {@code {"error": {code, message, twilioCode}}}
 * with a status that says whose problem it is. Capability code can branch on {@link #twilioCode()}
 * (e.g. 50416, whose message names the conversation already holding the binding).
 */
public class TwilioCallException extends ApiException {
  private final Integer twilioCode;
  private final int twilioStatus;

  TwilioCallException(
      int status, String code, String message, Integer twilioCode, int twilioStatus) {
    super(status, code, message, null, twilioCode);
    this.twilioCode = twilioCode;
    this.twilioStatus = twilioStatus;
  }

  /** Twilio's error code, e.g. 20404, 21211, 50416; null when Twilio gave none. */
  public Integer twilioCode() {
    return twilioCode;
  }

  /** Twilio's HTTP status; 0 when Twilio was not reached. */
  public int twilioStatus() {
    return twilioStatus;
  }

  /** Twilio answered with an error; it is mapped by what the caller can do about it. */
  public static TwilioCallException answered(
      int twilioStatus, Integer twilioCode, String twilioMessage, String operation) {
    String message =
        operation
            + ": "
            + (twilioMessage == null || twilioMessage.isBlank()
                ? "Twilio answered " + twilioStatus
                : twilioMessage);
    if (twilioStatus == 404) {
      return new TwilioCallException(404, "twilio_not_found", message, twilioCode, twilioStatus);
    }
    if (twilioStatus == 409) {
      return new TwilioCallException(409, "twilio_conflict", message, twilioCode, twilioStatus);
    }
    if (twilioStatus == 429) {
      return new TwilioCallException(503, "twilio_rate_limited", message, twilioCode, twilioStatus);
    }
    if (twilioStatus == 401 || twilioStatus == 403) {
      // Our credentials, not the caller's request: the service is misconfigured.
      return new TwilioCallException(502, "twilio_auth_failed", message, twilioCode, twilioStatus);
    }
    if (twilioStatus >= 500) {
      return new TwilioCallException(502, "twilio_error", message, twilioCode, twilioStatus);
    }
    return new TwilioCallException(400, "twilio_rejected", message, twilioCode, twilioStatus);
  }

  static TwilioCallException unreachable(String operation, String why) {
    return new TwilioCallException(
        503,
        "twilio_unreachable",
        operation + ": Twilio could not be reached (" + why + ")",
        null,
        0);
  }

  /** Every slot for Twilio calls stayed taken for the whole queue timeout. */
  static final class Busy extends TwilioCallException {
    Busy(int slots) {
      super(
          503,
          "twilio_busy",
          "all " + slots + " Twilio call slots are busy; try again shortly",
          null,
          0);
    }
  }
}
