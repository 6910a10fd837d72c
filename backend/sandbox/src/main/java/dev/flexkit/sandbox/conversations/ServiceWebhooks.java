package dev.flexkit.sandbox.conversations;

import java.util.List;

/**
 * The account-wide Conversations webhook configuration. Post-event webhooks go to {@code
 * postWebhookUrl} for the events listed in {@code filters}.
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

  public boolean listensTo(String eventType) {
    return postWebhookUrl != null && !postWebhookUrl.isBlank() && filters.contains(eventType);
  }
}
