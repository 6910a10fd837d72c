package dev.flexkit.inactivity;

/**
 * The timer for one conversation: {@code timerSec} of customer silence before wrap-up, a warning
 * {@code warningSec} before that (0 = no warning), sent as {@code author}.
 */
public record InactivitySettings(
    int timerSec,
    int warningSec,
    String warningMessage,
    String author,
    boolean agentMessagesReset) {
  public static final InactivitySettings DEFAULTS =
      new InactivitySettings(
          300,
          60,
          "Are you still there? This conversation will close soon if we don't hear from you.",
          "system",
          false);
}
