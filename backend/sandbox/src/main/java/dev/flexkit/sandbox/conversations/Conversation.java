package dev.flexkit.sandbox.conversations;

import java.time.Duration;
import java.time.Instant;

/**
 * One conversation as it stands. Timers: {@code inactiveAfter}/{@code closedAfter} are the
 * configured idle periods, {@code dateInactive}/{@code dateClosed} when they fall due next.
 */
public record Conversation(
    String sid,
    String uniqueName,
    String friendlyName,
    String attributes,
    String state,
    String messagingServiceSid,
    Instant dateCreated,
    Instant dateUpdated,
    Duration inactiveAfter,
    Duration closedAfter,
    Instant dateInactive,
    Instant dateClosed) {
  public static final String ACTIVE = "active";
  public static final String INACTIVE = "inactive";
  public static final String CLOSED = "closed";

  public boolean isClosed() {
    return CLOSED.equals(state);
  }

  Conversation withState(String newState, Instant at) {
    return new Conversation(
        sid,
        uniqueName,
        friendlyName,
        attributes,
        newState,
        messagingServiceSid,
        dateCreated,
        at,
        inactiveAfter,
        closedAfter,
        dateInactive,
        dateClosed);
  }

  Conversation withDetails(
      String newFriendlyName, String newUniqueName, String newAttributes, Instant at) {
    return new Conversation(
        sid,
        newUniqueName,
        newFriendlyName,
        newAttributes,
        state,
        messagingServiceSid,
        dateCreated,
        at,
        inactiveAfter,
        closedAfter,
        dateInactive,
        dateClosed);
  }

  Conversation withTimers(Duration newInactiveAfter, Duration newClosedAfter) {
    return new Conversation(
        sid,
        uniqueName,
        friendlyName,
        attributes,
        state,
        messagingServiceSid,
        dateCreated,
        dateUpdated,
        newInactiveAfter,
        newClosedAfter,
        dateInactive,
        dateClosed);
  }

  /**
   * Starts the idle countdowns again from {@code now}, as any activity does: the inactive timer
   * only runs while active, and a closed conversation has none.
   */
  Conversation rearmed(Instant now) {
    Instant inactive =
        ACTIVE.equals(state) && inactiveAfter != null ? now.plus(inactiveAfter) : null;
    Instant closed = !isClosed() && closedAfter != null ? now.plus(closedAfter) : null;
    return new Conversation(
        sid,
        uniqueName,
        friendlyName,
        attributes,
        state,
        messagingServiceSid,
        dateCreated,
        dateUpdated,
        inactiveAfter,
        closedAfter,
        inactive,
        closed);
  }
}
