package dev.flexkit.sandbox.taskrouter;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one TaskRouter workspace of the sandbox's Flex account. Guarded by {@link TaskRouter}'s lock.
 */
final class Workspace {
  final String sid;
  final Instant dateCreated;
  String friendlyName;
  String eventCallbackUrl;
  String eventsFilter;
  Instant dateUpdated;
  Activity defaultActivity;
  Activity timeoutActivity;

  Workspace(String sid, String friendlyName, Instant now) {
    this.sid = sid;
    this.friendlyName = friendlyName;
    this.dateCreated = now;
    this.dateUpdated = now;
  }

  /** Events to send: all of them when no filter is set. */
  boolean wants(String eventType) {
    if (eventsFilter == null || eventsFilter.isBlank()) {
      return true;
    }
    Set<String> wanted =
        Arrays.stream(eventsFilter.split(",")).map(String::trim).collect(Collectors.toSet());
    return wanted.contains(eventType);
  }
}
