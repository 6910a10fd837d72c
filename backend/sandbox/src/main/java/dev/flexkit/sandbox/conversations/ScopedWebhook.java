package dev.flexkit.sandbox.conversations;

import java.time.Instant;
import java.util.List;

/**
 * A webhook attached to one conversation. {@code target} is {@code webhook} (posted to {@code url}
 * for the events in {@code filters}), {@code studio} or {@code trigger}.
 */
public record ScopedWebhook(
    String sid,
    String conversationSid,
    String target,
    String url,
    String method,
    List<String> filters,
    List<String> triggers,
    String flowSid,
    Integer replayAfter,
    Instant dateCreated,
    Instant dateUpdated) {
  public boolean listensTo(String eventType) {
    return "webhook".equals(target) && url != null && filters.contains(eventType);
  }
}
