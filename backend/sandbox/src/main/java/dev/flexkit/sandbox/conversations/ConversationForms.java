package dev.flexkit.sandbox.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.wire.Form;
import dev.flexkit.sandbox.wire.TwilioException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Reads Conversations' form parameters, as twilio-java names them, into the core's requests. */
final class ConversationForms {
  private ConversationForms() {}

  /** R1: on create, a timer needs the state it counts from, in the same request. */
  static Conversations.NewConversation newConversation(Form form) {
    if (form.get("State").filter(v -> !v.isEmpty()).isEmpty()
        && (form.get("Timers.Inactive").isPresent() || form.get("Timers.Closed").isPresent())) {
      throw ConversationErrors.timerWithoutState();
    }
    return new Conversations.NewConversation(
        form.get("FriendlyName").orElse(null),
        form.get("UniqueName").orElse(null),
        form.get("Attributes").orElse(null),
        form.get("State").orElse(null),
        duration(form, "Timers.Inactive"),
        duration(form, "Timers.Closed"),
        instant(form, "DateCreated"));
  }

  static Conversations.ConversationChanges conversationChanges(Form form) {
    return new Conversations.ConversationChanges(
        form.get("FriendlyName").orElse(null),
        form.get("UniqueName").orElse(null),
        form.get("Attributes").orElse(null),
        form.get("State").orElse(null),
        duration(form, "Timers.Inactive"),
        duration(form, "Timers.Closed"));
  }

  static Conversations.NewParticipant newParticipant(Form form) {
    return new Conversations.NewParticipant(
        form.get("Identity").orElse(null),
        form.get("MessagingBinding.Address").orElse(null),
        form.get("MessagingBinding.ProxyAddress").orElse(null),
        form.get("Attributes").orElse(null),
        form.get("RoleSid").orElse(null));
  }

  /**
   * One {@code Participant} value of ConversationWithParticipants: a JSON object such as {@code
   * {"messaging_binding": {"address": "+1…", "proxy_address": "+1…"}}} or {@code {"identity":
   * "alice"}}.
   */
  static Conversations.NewParticipant participantJson(String json) {
    JsonNode node;
    try {
      node = Form.parseJson("Participant", json);
    } catch (TwilioException e) {
      throw ConversationErrors.invalidParticipantJson();
    }
    if (node == null || !node.isObject()) {
      throw ConversationErrors.invalidParticipantJson();
    }
    JsonNode binding = first(node, "messaging_binding", "messagingBinding");
    JsonNode attributes = first(node, "attributes");
    return new Conversations.NewParticipant(
        text(first(node, "identity")),
        binding == null ? null : text(first(binding, "address")),
        binding == null ? null : text(first(binding, "proxy_address", "proxyAddress")),
        attributes == null || attributes.isNull()
            ? null
            : attributes.isTextual() ? attributes.asText() : attributes.toString(),
        text(first(node, "role_sid", "roleSid")));
  }

  static Conversations.NewMessage newMessage(Form form) {
    return new Conversations.NewMessage(
        form.get("Author").orElse(null),
        form.get("Body").orElse(null),
        form.get("ContentSid").orElse(null),
        form.get("ContentVariables").orElse(null),
        form.get("Attributes").orElse(null),
        instant(form, "DateCreated"));
  }

  static Conversations.NewWebhook webhook(Form form, String target) {
    List<String> filters =
        form.has("Configuration.Filters") ? form.all("Configuration.Filters") : null;
    List<String> triggers =
        form.has("Configuration.Triggers") ? form.all("Configuration.Triggers") : null;
    return new Conversations.NewWebhook(
        target,
        form.get("Configuration.Url").orElse(null),
        form.get("Configuration.Method").orElse(null),
        filters,
        triggers,
        form.get("Configuration.FlowSid").orElse(null),
        form.integer("Configuration.ReplayAfter").orElse(null));
  }

  /** ISO-8601 durations such as {@code PT5M}; {@code PT0S} switches a timer off. */
  static Duration duration(Form form, String name) {
    return form.get(name)
        .filter(v -> !v.isEmpty())
        .map(
            v -> {
              try {
                return Duration.parse(v);
              } catch (DateTimeParseException e) {
                throw ConversationErrors.timerNotADuration(name, v);
              }
            })
        .orElse(null);
  }

  static Instant instant(Form form, String name) {
    return form.get(name)
        .filter(v -> !v.isEmpty())
        .map(
            v -> {
              try {
                return OffsetDateTime.parse(v).toInstant();
              } catch (DateTimeParseException e) {
                throw TwilioException.invalidParameter(
                    name, "'" + v + "' is not an ISO-8601 date-time");
              }
            })
        .orElse(null);
  }

  /** A list filter: {@code YYYY-MM-DD} (the whole day) or a full ISO-8601 time. */
  static Optional<Instant> day(String value, String name, boolean endOfDay) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    try {
      LocalDate day = LocalDate.parse(value);
      return Optional.of(
          (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException notADay) {
      try {
        return Optional.of(OffsetDateTime.parse(value).toInstant());
      } catch (DateTimeParseException e) {
        throw TwilioException.invalidParameter(name, "'" + value + "' is not a date");
      }
    }
  }

  private static JsonNode first(JsonNode node, String... names) {
    for (String name : names) {
      if (node.has(name)) {
        return node.get(name);
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
