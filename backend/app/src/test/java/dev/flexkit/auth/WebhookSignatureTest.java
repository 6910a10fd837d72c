package dev.flexkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.webhooks.WebhookDispatcher;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only requests Twilio signed reach webhook endpoints. */
class WebhookSignatureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RunningKit kit;

  @BeforeAll
  static void start() {
    kit = RunningKit.startWith(Set.of(ProbeResource.class));
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  private static String webhookUrl(String query) {
    return kit.kit().publicBaseUrl() + "/test/webhook" + query;
  }

  @Test
  void aWebhookTheSandboxSignedIsAcceptedEndToEnd() {
    WebhookDispatcher webhooks = kit.sandbox().webhooks();
    webhooks.postSingle(
        webhookUrl("?source=conversations"),
        Map.of(
            "EventType",
            "onMessageAdded",
            "Body",
            "Hi + bye & more",
            "ConversationSid",
            "CH" + "1".repeat(32)));
    webhooks.awaitIdle(Duration.ofSeconds(10));
    List<WebhookDispatcher.Delivery> deliveries = webhooks.deliveries();
    assertThat(deliveries.get(deliveries.size() - 1).status()).isEqualTo(200);
  }

  @Test
  void aForgedOrUnsignedWebhookIs403Json() throws Exception {
    String body = "EventType=onMessageAdded&Body=hello";
    HttpResponse<String> forged =
        kit.send(
            HttpRequest.newBuilder(kit.url("/test/webhook"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    "X-Twilio-Signature",
                    WebhookSignatures.sign(
                        "not-the-token",
                        webhookUrl(""),
                        Map.of("EventType", List.of("onMessageAdded"), "Body", List.of("hello"))))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(forged.body()).at("/error/code").asText())
        .isEqualTo("invalid_signature");

    HttpResponse<String> tampered =
        kit.send(
            HttpRequest.newBuilder(kit.url("/test/webhook"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    "X-Twilio-Signature",
                    WebhookSignatures.sign(
                        kit.sandbox().account().authToken(),
                        webhookUrl(""),
                        Map.of("EventType", List.of("onMessageAdded"), "Body", List.of("hello"))))
                .POST(HttpRequest.BodyPublishers.ofString(body + "&Extra=1"))
                .build());
    assertThat(tampered.statusCode()).isEqualTo(403);

    HttpResponse<String> unsigned =
        kit.send(
            HttpRequest.newBuilder(kit.url("/test/webhook"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(unsigned.statusCode()).isEqualTo(403);
  }

  @Test
  void aJsonWebhookIsCheckedByItsBodyHash() throws Exception {
    byte[] body = "{\"EventType\":\"task.created\"}".getBytes(StandardCharsets.UTF_8);
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    String token = kit.sandbox().account().authToken();
    String signature = WebhookSignatures.sign(token, webhookUrl("?bodySHA256=" + hash), Map.of());
    HttpResponse<String> ok =
        kit.send(
            HttpRequest.newBuilder(kit.url("/test/webhook?bodySHA256=" + hash))
                .header("Content-Type", "application/json")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertThat(ok.statusCode()).isEqualTo(200);
    HttpResponse<String> otherBody =
        kit.send(
            HttpRequest.newBuilder(kit.url("/test/webhook?bodySHA256=" + hash))
                .header("Content-Type", "application/json")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString("{\"EventType\":\"task.deleted\"}"))
                .build());
    assertThat(otherBody.statusCode()).isEqualTo(403);
  }

  @Test
  void theUrlIsAcceptedWithOrWithoutItsDefaultPort() {
    String token = "12345";
    Map<String, List<String>> params = Map.of("A", List.of("1"));
    String signedWithPort =
        WebhookSignatures.sign(token, "https://kit.example.com:443/hook?x=1", params);
    assertThat(
            WebhookSignatures.validForm(
                token, "https://kit.example.com/hook?x=1", params, signedWithPort))
        .isTrue();
    String signedWithout = WebhookSignatures.sign(token, "https://kit.example.com/hook", params);
    assertThat(
            WebhookSignatures.validForm(
                token, "https://kit.example.com:443/hook", params, signedWithout))
        .isTrue();
    assertThat(
            WebhookSignatures.validForm(
                token, "https://kit.example.com:8443/hook", params, signedWithout))
        .isFalse();
  }

  @Test
  void signaturesMatchTwiliosPublishedExample() {
    // The fixture of twilio-node's webhook tests (auth token 12345).
    Map<String, List<String>> params =
        Map.of(
            "CallSid",
            List.of("CA1234567890ABCDE"),
            "Caller",
            List.of("+12349013030"),
            "Digits",
            List.of("1234"),
            "From",
            List.of("+12349013030"),
            "To",
            List.of("+18005551212"));
    assertThat(
            WebhookSignatures.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
        .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  }
}
