package dev.flexkit.twilio;

/** Twilio's refusals as the gateway reports them, for tests of the code that branches on them. */
public final class TwilioFailures {
  private TwilioFailures() {}

  /**
   * Twilio answered {@code status} (404: not found, 400: rejected, 5xx: its fault) to {@code
   * operation}.
   */
  public static TwilioCallException answered(int status, String operation) {
    return TwilioCallException.answered(status, null, "Twilio says no", operation);
  }
}
