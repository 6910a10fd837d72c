package dev.flexkit.sandbox.flex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An interaction's media channel (UO): the conversation it stands for, the tasks routed for it, its
 * participants and invites. Guarded by {@link FlexInteractions}' lock.
 */
final class InteractionChannel {
  /**
   * A participant (UT): an agent has routing properties and a chat identity, a customer neither.
   */
  record Participant(
      String sid,
      String type,
      Map<String, Object> routingProperties,
      String identity,
      String taskSid) {}

  /** An invite (KG): the routing it was created with and the task snapshot Flex answered with. */
  record Invite(String sid, Map<String, Object> routing) {}

  final String sid;
  final String interactionSid;
  final String type;

  /** Null until the channel is set up, when Flex created the conversation itself. */
  String conversationSid;

  final List<Participant> participants = new ArrayList<>();
  final List<Invite> invites = new ArrayList<>();
  final List<String> taskSids = new ArrayList<>();

  /** {@code setup} until the asynchronous set-up ran (R28), then active, failed (R31) or closed. */
  String status = "setup";

  Integer errorCode;
  String errorMessage;

  /** What a new task for this channel is routed with when the customer comes back (D-LEAVE). */
  ObjectNode routingAttributes;

  /** The last update of this channel itself, which its 180-day TTL counts from (R37). */
  Instant lastUpdated;

  String workflowSid;
  String taskChannel;
  String proxyAddress;

  InteractionChannel(
      String sid, String interactionSid, String type, String conversationSid, Instant created) {
    this.sid = sid;
    this.lastUpdated = created;
    this.interactionSid = interactionSid;
    this.type = type;
    this.conversationSid = conversationSid;
  }
}
