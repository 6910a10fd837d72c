package dev.flexkit.sandbox.flex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * The attributes Flex adds to every interaction task (TWILIO-FACTS §1): the caller's attributes as
 * they are, plus the interaction's sids, the channel type and a {@code conversations} object that
 * is the superset of the shapes Twilio's examples show. Invites carry no initiation fields.
 */
final class InteractionTaskAttributes {
  private static final Map<String, String> COMMUNICATION_CHANNEL =
      Map.of(
          "sms",
          "SMS",
          "whatsapp",
          "Whatsapp",
          "chat",
          "Chat",
          "web",
          "Web",
          "email",
          "Email",
          "messenger",
          "Messenger",
          "gbm",
          "Gbm",
          "voice",
          "Voice");

  private InteractionTaskAttributes() {}

  /** {@code initiatedBy} is null for invites. */
  static ObjectNode build(
      ObjectNode callerAttributes,
      String interactionSid,
      String channelSid,
      String inviteSid,
      String conversationSid,
      String channelType,
      String initiatedBy,
      String proxyAddress) {
    ObjectNode a = callerAttributes.deepCopy();
    a.put("conversationSid", conversationSid);
    a.put("flexInteractionSid", interactionSid);
    a.put("flexInteractionChannelSid", channelSid);
    a.put("flexChannelInviteSid", inviteSid);
    a.put("channelType", channelType);
    String direction = "agent".equals(initiatedBy) ? "outbound" : "inbound";
    if (initiatedBy != null) {
      a.put("initiatedBy", initiatedBy);
      a.put("direction", direction);
    }

    ObjectNode conversations =
        a.path("conversations").isObject()
            ? (ObjectNode) a.get("conversations")
            : a.putObject("conversations");
    putIfAbsent(conversations, "conversation_id", interactionSid);
    putIfAbsent(
        conversations,
        "communication_channel",
        COMMUNICATION_CHANNEL.getOrDefault(channelType, channelType));
    if (initiatedBy != null) {
      putIfAbsent(
          conversations,
          "initiated_by",
          capitalized(initiatedBy.equals("api") ? "API" : initiatedBy));
      putIfAbsent(conversations, "direction", capitalized(direction));
    }
    if (proxyAddress != null) {
      putIfAbsent(conversations, "external_contact", proxyAddress);
    }
    if (!conversations.has("media")) {
      ObjectNode media = conversations.putArray("media").addObject();
      media.put("type", "ChatTranscript");
      media.put("sid", conversationSid);
      media.put("conversation_sid", conversationSid);
    }

    if (!a.has("customers") && (a.hasNonNull("customerName") || a.hasNonNull("customerAddress"))) {
      ObjectNode customers = a.putObject("customers");
      if (a.hasNonNull("customerName")) {
        customers.put("name", a.get("customerName").asText());
      }
      if (a.hasNonNull("customerAddress")) {
        customers.put(
            channelType.equals("email") ? "email" : "phone", a.get("customerAddress").asText());
      }
    }
    return a;
  }

  private static void putIfAbsent(ObjectNode o, String key, String value) {
    if (!o.has(key)) {
      o.put(key, value);
    }
  }

  private static String capitalized(String s) {
    return s.equals("API") ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
