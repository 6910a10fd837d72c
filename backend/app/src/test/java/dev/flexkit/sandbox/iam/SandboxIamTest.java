package dev.flexkit.sandbox.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.twilio.IamVerdict;
import dev.flexkit.twilio.TwilioClients;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox's IAM: tokens for seeded agents, validated as Twilio validates Flex tokens. */
class SandboxIamTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RunningKit kit;
  private static String basic;

  @BeforeAll
  static void start() {
    kit = RunningKit.start();
    kit.sandbox().useWorkerDirectory(new FakeWorkers());
    SandboxAccount account = kit.sandbox().account();
    basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (account.accountSid() + ":" + account.authToken())
                        .getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  static JsonNode issue(RunningKit kit, String body) throws Exception {
    HttpResponse<String> r =
        kit.send(
            HttpRequest.newBuilder(kit.url("/sandbox/api/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    JsonNode json = JSON.readTree(r.body());
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("_status", r.statusCode());
    return json;
  }

  private HttpResponse<String> validate(String accountSid, String token) {
    return kit.send(
        HttpRequest.newBuilder(
                kit.url("/twilio/iam/v1/Accounts/" + accountSid + "/Tokens/validate"))
            .header("Authorization", basic)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.createObjectNode().put("token", token).toString()))
            .build());
  }

  @Test
  void aSeededAgentsTokenIsValidUntilTheSandboxClockPassesItsExpiry() throws Exception {
    JsonNode issued = issue(kit, "{\"identity\":\"alice_40example_2Ecom\"}");
    assertThat(issued.path("_status").asInt()).isEqualTo(200);
    assertThat(issued.path("workerSid").asText()).isEqualTo(FakeWorkers.ALICE.workerSid());
    Instant expiresAt = Instant.parse(issued.path("expiresAt").asText());
    assertThat(expiresAt)
        .isBetween(
            kit.sandbox().clock().instant().plus(Duration.ofMinutes(59)),
            kit.sandbox().clock().instant().plus(Duration.ofMinutes(61)));

    HttpResponse<String> r = validate(SandboxAccount.ACCOUNT_SID, issued.path("token").asText());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("valid").asBoolean()).isTrue();
    assertThat(body.path("code").asInt()).isZero();
    assertThat(body.has("message") && body.get("message").isNull()).isTrue();
    assertThat(body.path("identity").asText()).isEqualTo("alice_40example_2Ecom");
    assertThat(body.path("realm_user_id").asText()).isEqualTo("alice@example.com");
    assertThat(body.path("worker_sid").asText()).isEqualTo(FakeWorkers.ALICE.workerSid());
    assertThat(body.path("roles").get(0).asText()).isEqualTo("agent");
    assertThat(Instant.parse(body.path("expiration").asText())).isEqualTo(expiresAt);

    JsonNode shortLived = issue(kit, "{\"identity\":\"alice_40example_2Ecom\",\"ttlSeconds\":60}");
    kit.sandbox().clock().advance(Duration.ofSeconds(61));
    JsonNode expired =
        JSON.readTree(
            validate(SandboxAccount.ACCOUNT_SID, shortLived.path("token").asText()).body());
    assertThat(expired.path("valid").asBoolean()).isFalse();
    // R49: a failure is {valid:false, message} and nothing else.
    assertThat(fieldNames(expired)).containsExactly("valid", "message");
    assertThat(expired.path("message").asText()).contains("expired");
  }

  @Test
  void forgedAndGarbageTokensAreInvalidWithOnlyAMessage() throws Exception {
    String token = issue(kit, "{\"identity\":\"alice_40example_2Ecom\"}").path("token").asText();
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("alice_40example_2Ecom", "sam_40example_2Ecom");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    JsonNode f = JSON.readTree(validate(SandboxAccount.ACCOUNT_SID, forged).body());
    assertThat(f.path("valid").asBoolean()).isFalse();
    assertThat(fieldNames(f)).containsExactly("valid", "message");
    assertThat(f.path("message").asText()).contains("signature");
    JsonNode g = JSON.readTree(validate(SandboxAccount.ACCOUNT_SID, "not-a-token").body());
    assertThat(g.path("valid").asBoolean()).isFalse();
    assertThat(fieldNames(g)).containsExactly("valid", "message");
  }

  private static java.util.List<String> fieldNames(JsonNode node) {
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void anotherAccountsValidateUrlGets20003() throws Exception {
    String token = issue(kit, "{\"identity\":\"alice_40example_2Ecom\"}").path("token").asText();
    HttpResponse<String> r = validate("AC" + "9".repeat(32), token);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(r.body()).path("code").asInt()).isEqualTo(20003);
  }

  @Test
  void unknownOrMissingIdentitiesGetNoToken() throws Exception {
    JsonNode unknown = issue(kit, "{\"identity\":\"mallory\"}");
    assertThat(unknown.path("_status").asInt()).isEqualTo(404);
    assertThat(unknown.at("/error/field").asText()).isEqualTo("identity");
    JsonNode missing = issue(kit, "{}");
    assertThat(missing.path("_status").asInt()).isEqualTo(400);
    assertThat(missing.at("/error/field").asText()).isEqualTo("identity");
  }

  @Test
  void twilioJavaThroughTheGatewayValidatesASandboxToken() throws Exception {
    String token = issue(kit, "{\"identity\":\"sam_40example_2Ecom\"}").path("token").asText();
    SandboxAccount account = kit.sandbox().account();
    IamVerdict verdict =
        TwilioClients.emulated(kit.url("/twilio"), account.accountSid(), account.authToken())
            .validateFlexToken(token);
    assertThat(verdict.valid()).isTrue();
    assertThat(verdict.roles()).containsExactly("agent", "supervisor");
    assertThat(verdict.workerSid()).isEqualTo(FakeWorkers.SUPERVISOR.workerSid());
  }

  @Test
  void identitiesEncodeAsFlexDoes() {
    assertThat(FlexIdentity.encode("steveh@techmatters.org"))
        .isEqualTo("steveh_40techmatters_2Eorg");
    assertThat(FlexIdentity.decode("steveh_40techmatters_2Eorg"))
        .isEqualTo("steveh@techmatters.org");
    assertThat(FlexIdentity.decode(FlexIdentity.encode("a_b.c+d@é.com")))
        .isEqualTo("a_b.c+d@é.com");
  }
}
