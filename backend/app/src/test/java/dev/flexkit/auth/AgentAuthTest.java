package dev.flexkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.iam.FakeWorkers;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agent endpoints accept only Flex tokens Twilio IAM vouches for, and take the agent from the
 * token.
 */
class AgentAuthTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RunningKit kit;

  @BeforeAll
  static void start() {
    kit = RunningKit.startWith(Set.of(ProbeResource.class));
    kit.sandbox().useWorkerDirectory(new FakeWorkers());
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  @BeforeEach
  void reset() {
    kit.sandbox().calls().clear();
  }

  private static String token(String identity, long ttlSeconds) throws Exception {
    HttpResponse<String> r =
        kit.send(
            HttpRequest.newBuilder(kit.url("/sandbox/api/tokens"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"identity\":\"" + identity + "\",\"ttlSeconds\":" + ttlSeconds + "}"))
                .build());
    return JSON.readTree(r.body()).path("token").asText();
  }

  private static long iamCalls() {
    return dev.flexkit.twilio.TwilioGatewayTest.settledCalls(kit).stream()
        .filter(c -> c.path().startsWith("/iam/"))
        .count();
  }

  @Test
  void aValidTokenShowsWhoTheAgentIsAndIsCheckedWithIamOnlyOnce() throws Exception {
    String token = token("alice_40example_2Ecom", 3600);
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> me = kit.get("/api/me", "Authorization", "Bearer " + token);
      assertThat(me.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(me.body());
      assertThat(body.path("identity").asText()).isEqualTo("alice_40example_2Ecom");
      assertThat(body.path("workerSid").asText()).isEqualTo(FakeWorkers.ALICE.workerSid());
      assertThat(body.path("roles").get(0).asText()).isEqualTo("agent");
      assertThat(body.path("realmUserId").asText()).isEqualTo("alice@example.com");
    }
    assertThat(iamCalls()).isEqualTo(1);
  }

  @Test
  void aForgedTokenIs401JsonAndTheRefusalIsCachedBriefly() throws Exception {
    String token = token("alice_40example_2Ecom", 3600);
    String forged =
        token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> me = kit.get("/api/me", "Authorization", "Bearer " + forged);
      assertThat(me.statusCode()).isEqualTo(401);
      assertThat(me.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      JsonNode error = JSON.readTree(me.body()).path("error");
      assertThat(error.path("code").asText()).isEqualTo("invalid_token");
      // R49: IAM's refusal carries only a message, no code, so none is passed on.
      assertThat(error.has("twilioCode")).isFalse();
      assertThat(error.path("message").asText()).contains("signature");
    }
    assertThat(iamCalls()).isEqualTo(1);
    HttpResponse<String> none = kit.get("/api/me");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(none.body()).at("/error/code").asText()).isEqualTo("missing_token");
  }

  @Test
  void aCachedTokenStillExpiresWhenTheSandboxClockPassesIt() throws Exception {
    String token = token("alice_40example_2Ecom", 120);
    assertThat(kit.get("/api/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    kit.sandbox().clock().advance(Duration.ofSeconds(121));
    HttpResponse<String> me = kit.get("/api/me", "Authorization", "Bearer " + token);
    assertThat(me.statusCode()).isEqualTo(401);
    JsonNode error = JSON.readTree(me.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("expired_token");
    assertThat(error.path("twilioCode").asInt()).isEqualTo(20104);
  }

  @Test
  void theSeedCompatibleTokenFieldWorksAndTheBodyCannotClaimAnotherIdentity() throws Exception {
    String token = token("alice_40example_2Ecom", 3600);
    String body =
        "{\"Token\":\""
            + token
            + "\",\"identity\":\"sam_40example_2Ecom\",\"workerSid\":\""
            + FakeWorkers.SUPERVISOR.workerSid()
            + "\"}";
    HttpResponse<String> r =
        kit.send(
            HttpRequest.newBuilder(kit.url("/test/agent-action"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("identity").asText())
        .isEqualTo("alice_40example_2Ecom");
    assertThat(JSON.readTree(r.body()).path("workerSid").asText())
        .isEqualTo(FakeWorkers.ALICE.workerSid());

    HttpResponse<String> query =
        kit.get("/api/me?Token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    assertThat(query.statusCode()).isEqualTo(200);
  }

  @Test
  void aRoleGuardedEndpointIs403ForAnAgentWithoutTheRole() throws Exception {
    HttpRequest.Builder supervise =
        HttpRequest.newBuilder(kit.url("/test/supervisor-action"))
            .POST(HttpRequest.BodyPublishers.noBody());
    HttpResponse<String> alice =
        kit.send(
            supervise
                .copy()
                .header("Authorization", "Bearer " + token("alice_40example_2Ecom", 600))
                .build());
    assertThat(alice.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(alice.body()).at("/error/code").asText()).isEqualTo("forbidden_role");
    HttpResponse<String> sam =
        kit.send(
            supervise
                .copy()
                .header("Authorization", "Bearer " + token("sam_40example_2Ecom", 600))
                .build());
    assertThat(sam.statusCode()).isEqualTo(200);
  }

  @Test
  void iamBeingDownIsNotMistakenForAnInvalidToken() throws Exception {
    String token = token("sam_40example_2Ecom", 600);
    kit.sandbox()
        .faults()
        .add(
            new dev.flexkit.sandbox.traffic.Faults.Rule(
                "POST /iam/v1/.*",
                dev.flexkit.sandbox.traffic.Faults.Kind.STATUS,
                503,
                0,
                1,
                1,
                0));
    HttpResponse<String> down = kit.get("/api/me", "Authorization", "Bearer " + token);
    assertThat(down.statusCode()).isEqualTo(502);
    assertThat(JSON.readTree(down.body()).at("/error/twilioCode").asInt()).isEqualTo(20500);
    assertThat(kit.get("/api/me", "Authorization", "Bearer " + token).statusCode())
        .as("not cached")
        .isEqualTo(200);
    kit.sandbox().faults().clear();
  }
}
