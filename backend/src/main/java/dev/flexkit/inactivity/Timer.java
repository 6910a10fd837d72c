package dev.flexkit.inactivity;

import java.time.Instant;

/** One row of {@code inactivity_timers}. */
public record Timer(String conversationSid, String taskSid, String workerSid, String interactionSid, String channelSid,
                    String channelType, String queueSid, String customerAddress, State state, Instant deadline,
                    Instant warningAt, Instant nextFireAt, Instant lastCustomerAt, long version) {
  /** {@code WARNING}: the warning is being sent (or will be retried); {@code EXPIRED}: wrap-up done or pending retry. */
  public enum State { IDLE, ACTIVE, WARNING, WARNED, PAUSED, EXPIRED, STOPPED }

  /** The agent-side facts a timer starts from (a reservation accepted). */
  public record Assignment(String conversationSid, String taskSid, String workerSid, String interactionSid,
                           String channelSid, String channelType, String queueSid, String customerAddress) {}

  /** Same for every attempt at one countdown's warning, so a retry can tell it was already sent. */
  public String warningId() {
    return conversationSid + "@" + (warningAt == null ? 0 : warningAt.getEpochSecond());
  }

  public Timer withState(State newState, Instant newNextFireAt) {
    return new Timer(conversationSid, taskSid, workerSid, interactionSid, channelSid, channelType, queueSid, customerAddress,
        newState, deadline, warningAt, newNextFireAt, lastCustomerAt, version + 1);
  }

  public boolean running() {
    return state == State.ACTIVE || state == State.WARNING || state == State.WARNED || state == State.PAUSED;
  }
}
