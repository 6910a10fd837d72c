package dev.flexkit.inactivity;

import java.time.Instant;

/** One row of {@code inactivity_timers}. */
public record Timer(String conversationSid, String taskSid, String workerSid, String interactionSid, String channelSid,
                    String channelType, String queueSid, String customerAddress, State state, Instant deadline,
                    Instant warningAt, Instant nextFireAt, Instant lastCustomerAt, long version) {
  public enum State { IDLE, ACTIVE, WARNED, PAUSED, EXPIRED, STOPPED }

  /** The agent-side facts a timer starts from (a reservation accepted). */
  public record Assignment(String conversationSid, String taskSid, String workerSid, String interactionSid,
                           String channelSid, String channelType, String queueSid, String customerAddress) {}

  public boolean running() {
    return state == State.ACTIVE || state == State.WARNED || state == State.PAUSED;
  }
}
