package dev.flexkit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.RunningKit;
import dev.flexkit.health.RetriedStartupStep;
import dev.flexkit.sandbox.webhooks.WebhookDispatcher;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwilioWebhooksTest {
  @Test
  void readinessWaitsForTheWebhookRegistrationAndReportsIt() throws Exception {
    try (RunningKit kit = RunningKit.start()) {
      var health = kit.get("/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"twilioWebhooks\":{\"healthy\":true");
    }
  }

  @Test
  void aFailedRegistrationKeepsTheServiceUnreadyAndSaysWhy() {
    RetriedStartupStep check = new RetriedStartupStep("twilioWebhooks", "registering");
    assertThat(check.check().healthy()).isFalse();
    check.run(
        () -> {
          throw new IllegalStateException("Twilio said 503");
        },
        "done");
    assertThat(check.check().healthy()).isFalse();
    assertThat(check.check().detail()).contains("Twilio said 503");
    check.run(() -> {}, "done");
    assertThat(check.check().healthy()).isTrue();
  }

  @Test
  void sandboxEventsReachOurSignedWebhooksAndForgedOnesAreRefused() throws Exception {
    try (RunningKit kit = RunningKit.start()) {
      // A customer texts in: Conversations and TaskRouter both call us back, signed.
      var r =
          kit.send(
              HttpRequest.newBuilder(kit.url("/sandbox/api/customers/messages"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"from\":\"+15557770000\",\"to\":\""
                              + kit.sandbox().numbers().sms().get(0)
                              + "\",\"body\":\"hello\"}"))
                  .build());
      assertThat(r.statusCode()).isEqualTo(201);
      kit.settle();

      List<WebhookDispatcher.Delivery> deliveries = kit.sandbox().webhooks().deliveries();
      assertThat(deliveries)
          .filteredOn(d -> d.url().endsWith("/webhooks/conversations"))
          .extracting(WebhookDispatcher.Delivery::eventType)
          .contains("onMessageAdded");
      assertThat(deliveries)
          .filteredOn(d -> d.url().endsWith("/webhooks/taskrouter"))
          .extracting(WebhookDispatcher.Delivery::eventType)
          .contains("task.created");
      assertThat(deliveries)
          .filteredOn(d -> d.url().contains("/webhooks/"))
          .allSatisfy(d -> assertThat(d.status()).as(d.eventType()).isBetween(200, 204));

      var forged =
          kit.send(
              HttpRequest.newBuilder(kit.url("/webhooks/conversations"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-Twilio-Signature", "bm90LWEtc2lnbmF0dXJl")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "EventType=onMessageAdded&ConversationSid=CH1"))
                  .build());
      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(forged.body()).startsWith("{\"error\":");
    }
  }
}
