package dev.flexkit.inactivity;

import java.time.Instant;

/**
 * One row of {@code inactivity_timers}. {@code timerSec} and {@code warningSec} are the settings
 * the countdown was armed with (null on rows armed before they were kept).
 */
public record Timer(
    String conversationSid,
    String taskSid,
    String workerSid,
    String interactionSid,
    String channelSid,
    String channelType,
    String queueSid,
    String customerAddress,
    String senderAddress,
    Integer timerSec,
    Integer warningSec,
    State state,
    Instant deadline,
    Instant warningAt,
    Instant nextFireAt,
    long version) {
  /**
   * {@code WARNING}: the warning is being sent (or will be retried); {@code EXPIRED}: wrap-up done
   * or pending retry.
   */
  public enum State {
    IDLE,
    ACTIVE,
    WARNING,
    WARNED,
    PAUSED,
    EXPIRED,
    STOPPED
  }

  /** The agent-side facts a timer starts from (a reservation accepted, or a live task found). */
  public record Assignment(
      String conversationSid,
      String taskSid,
      String workerSid,
      String interactionSid,
      String channelSid,
      String channelType,
      String queueSid,
      String customerAddress,
      String senderAddress) {}

  /** Same for every attempt at one countdown's warning, so a retry can tell it was already sent. */
  public String warningId() {
    return conversationSid + "@" + (warningAt == null ? 0 : warningAt.getEpochSecond());
  }

  public Timer withState(State newState, Instant newNextFireAt) {
    return new Timer(
        conversationSid,
        taskSid,
        workerSid,
        interactionSid,
        channelSid,
        channelType,
        queueSid,
        customerAddress,
        senderAddress,
        timerSec,
        warningSec,
        newState,
        deadline,
        warningAt,
        newNextFireAt,
        version + 1);
  }

  public boolean running() {
    return state == State.ACTIVE
        || state == State.WARNING
        || state == State.WARNED
        || state == State.PAUSED;
  }
}
