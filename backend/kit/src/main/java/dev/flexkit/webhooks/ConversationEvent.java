package dev.flexkit.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One Conversations post-event webhook, as Twilio form-posts it (TWILIO-FACTS §6). */
public record ConversationEvent(Map<String, List<String>> params) {
  public String eventType() {
    return get("EventType").orElse("");
  }

  public Optional<String> conversationSid() {
    return get("ConversationSid");
  }

  public Optional<String> messageSid() {
    return get("MessageSid");
  }

  public Optional<String> author() {
    return get("Author");
  }

  public Optional<String> body() {
    return get("Body");
  }

  public Optional<String> participantSid() {
    return get("ParticipantSid");
  }

  /** {@code SMS}, {@code WHATSAPP}, {@code SDK} or {@code API}. */
  public Optional<String> source() {
    return get("Source");
  }

  public Optional<String> get(String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
  }
}
