package dev.flexkit.sandbox.conversations;

import java.util.List;

/**
 * A Conversations webhook configuration: the account-wide one, or a service's own (which has no
 * {@code target}, R20). Post-event webhooks go to {@code postWebhookUrl} for the events listed in
 * {@code filters}.
 */
public record ServiceWebhooks(
    String preWebhookUrl,
    String postWebhookUrl,
    List<String> filters,
    String method,
    String target) {
  public static ServiceWebhooks none() {
    return new ServiceWebhooks(null, null, List.of(), "POST", "webhook");
  }

  public boolean hasPostWebhookUrl() {
    return postWebhookUrl != null && !postWebhookUrl.isBlank();
  }

  public boolean listensTo(String eventType) {
    return hasPostWebhookUrl() && filters.contains(eventType);
  }
}
