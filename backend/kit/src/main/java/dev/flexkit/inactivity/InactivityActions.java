package dev.flexkit.inactivity;

/** The two side effects of a timer, behind an interface so the scheduler can be tested alone. */
public interface InactivityActions {
  /**
   * Sends the warning. {@code retry}: an earlier attempt may have reached Twilio, so check first
   * that the customer has not already got it ({@link Timer#warningId()}).
   */
  void warn(Timer timer, InactivitySettings settings, boolean retry);

  /** Moves the agent's task to wrap-up; true once done (or nothing is left to wrap up). */
  boolean wrapUp(Timer timer);

  /**
   * Our number in a WhatsApp conversation, when the task did not say: the customer's proxy address.
   */
  default java.util.Optional<String> whatsappSender(Timer timer) {
    return java.util.Optional.empty();
  }
}
