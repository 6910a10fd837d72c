package dev.flexkit.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.web.ObjectMappers;
import java.util.List;

/**
 * The attributes of a TaskRouter task (or of the conversation behind it), read leniently: Twilio
 * hands them over as a JSON string, a webhook as a form field, twilio-java sometimes as a parsed
 * node, and anyone may have written them. Whatever comes in, a JSON object comes out.
 */
public final class TaskAttributes {
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  /**
   * Written by Flex on every task it creates for an interaction; a copy on a new invite must not
   * override them.
   */
  private static final List<String> FLEX_OWNED =
      List.of("flexChannelInviteSid", "flexInteractionChannelSid", "flexInteractionSid");

  private TaskAttributes() {}

  /**
   * The attributes as an object: JSON text is parsed (a text node holding JSON too), an object node
   * is returned as it is, and anything else (null, blank, malformed, an array, a number) is an
   * empty object.
   */
  public static ObjectNode parse(Object raw) {
    if (raw instanceof JsonNode node && node.isTextual()) {
      raw = node.asText();
    }
    if (raw instanceof ObjectNode object) {
      return object;
    }
    if (raw instanceof String text && !text.isBlank()) {
      try {
        JsonNode parsed = JSON.readTree(text);
        if (parsed != null && parsed.isObject()) {
          return (ObjectNode) parsed;
        }
      } catch (java.io.IOException notJson) {
        // Someone else's text; there are no attributes to read in it.
      }
    }
    return JSON.createObjectNode();
  }

  /** Removes the interaction attributes Flex owns from {@code attributes}, and returns it. */
  public static ObjectNode stripFlexOwned(ObjectNode attributes) {
    attributes.remove(FLEX_OWNED);
    return attributes;
  }
}
