package dev.flexkit.sandbox.taskrouter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An agent as TaskRouter sees them. Guarded by {@link TaskRouter}'s lock. */
final class Worker {
  /** The worker's capacity on one task channel. */
  static final class Channel {
    final String sid;
    final TaskChannel taskChannel;
    final Instant dateCreated;
    int capacity;
    boolean available = true;
    Instant dateUpdated;

    Channel(String sid, TaskChannel taskChannel, int capacity, Instant now) {
      this.sid = sid;
      this.taskChannel = taskChannel;
      this.capacity = capacity;
      this.dateCreated = now;
      this.dateUpdated = now;
    }
  }

  final String sid;
  final Instant dateCreated;
  final Map<String, Channel> channels = new LinkedHashMap<>();
  String friendlyName;
  String attributesJson;
  ObjectNode attributes;
  Activity activity;
  Instant dateStatusChanged;
  Instant dateUpdated;

  /** When the worker last got a reservation: the longest-idle worker is offered work first. */
  Instant lastReservedAt = Instant.EPOCH;

  long version;

  Worker(
      String sid,
      String friendlyName,
      String attributesJson,
      ObjectNode attributes,
      Activity activity,
      Instant now) {
    this.sid = sid;
    this.friendlyName = friendlyName;
    this.attributesJson = attributesJson;
    this.attributes = attributes;
    this.activity = activity;
    this.dateCreated = now;
    this.dateUpdated = now;
    this.dateStatusChanged = now;
  }

  /** Flex's chat identity: the worker's {@code contact_uri} without {@code client:}. */
  String identity() {
    String uri = attributes.path("contact_uri").asText("");
    return uri.startsWith("client:") ? uri.substring("client:".length()) : null;
  }
}
