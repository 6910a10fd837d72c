package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.phone.MessagingAddress;

/**
 * Who caused a change, which decides whether webhooks fire and what {@code Source} they report. As
 * on Twilio, REST calls fire webhooks only when sent with {@code X-Twilio-Webhook-Enabled: true}.
 */
public record Origin(String source, boolean firesWebhooks) {
  public static Origin rest(String webhookEnabledHeader) {
    return new Origin("API", "true".equalsIgnoreCase(webhookEnabledHeader));
  }

  public static Origin customer(String address) {
    return new Origin(MessagingAddress.source(address), true);
  }

  /** Twilio itself: timers and the other products (Flex) acting inside the account. */
  public static Origin twilio() {
    return new Origin("API", true);
  }
}
