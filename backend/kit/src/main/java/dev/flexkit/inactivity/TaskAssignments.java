package dev.flexkit.inactivity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.twilio.TaskAttributes;
import java.util.Optional;

/**
 * Reads a messaging task's attributes (as Flex Interactions write them) into what a countdown
 * needs.
 */
final class TaskAssignments {
  private TaskAssignments() {}

  /** Empty for tasks with no conversation (voice, or attributes that are not JSON). */
  static Optional<Timer.Assignment> from(
      String attributesJson,
      String taskSid,
      String workerSid,
      String queueSid,
      String taskChannel) {
    JsonNode a = TaskAttributes.parse(attributesJson);
    String conversationSid = text(a, "conversationSid");
    String channelType = a.hasNonNull("channelType") ? a.get("channelType").asText() : taskChannel;
    if (conversationSid == null || "voice".equals(channelType) || taskSid == null) {
      return Optional.empty();
    }
    String customer =
        a.hasNonNull("customerAddress") ? a.get("customerAddress").asText() : text(a, "from");
    // Our number: Flex adds it as conversations.external_contact (asynchronously); outbound and the
    // sandbox's inbound routing also pass it as twilioNumber.
    String sender =
        a.path("conversations").hasNonNull("external_contact")
            ? a.path("conversations").get("external_contact").asText()
            : text(a, "twilioNumber");
    return Optional.of(
        new Timer.Assignment(
            conversationSid,
            taskSid,
            workerSid,
            text(a, "flexInteractionSid"),
            text(a, "flexInteractionChannelSid"),
            channelType,
            queueSid,
            customer,
            sender));
  }

  private static String text(JsonNode a, String field) {
    return a.hasNonNull(field) ? a.get(field).asText() : null;
  }
}
