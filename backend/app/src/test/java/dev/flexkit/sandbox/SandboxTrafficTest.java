package dev.flexkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.RunningKit;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forces around Twilio: authentication, injected faults, the call log and the clock. */
class SandboxTrafficTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RunningKit kit;
  private static String basic;

  @BeforeAll
  static void start() {
    kit = RunningKit.start();
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

  @BeforeEach
  void reset() {
    kit.send(HttpRequest.newBuilder(kit.url("/sandbox/api/faults")).DELETE().build());
    kit.send(HttpRequest.newBuilder(kit.url("/sandbox/api/calls")).DELETE().build());
  }

  private HttpResponse<String> twilio(String method, String path) {
    return kit.send(
        HttpRequest.newBuilder(kit.url("/twilio" + path))
            .header("Authorization", basic)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private HttpResponse<String> control(String method, String path, String json) {
    return kit.send(
        HttpRequest.newBuilder(kit.url("/sandbox/api" + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  @Test
  void wrongCredentialsGet20003AndAnUnknownResourceGets20404() throws Exception {
    HttpResponse<String> forged =
        kit.send(
            HttpRequest.newBuilder(kit.url("/twilio/conversations/v1/Conversations"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (SandboxAccount.ACCOUNT_SID + ":wrong")
                                    .getBytes(StandardCharsets.UTF_8)))
                .build());
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(forged.body()).path("code").asInt()).isEqualTo(20003);

    HttpResponse<String> unknown = twilio("GET", "/conversations/v1/NoSuchThing/CH00");
    assertThat(unknown.statusCode()).isEqualTo(404);
    JsonNode body = JSON.readTree(unknown.body());
    assertThat(body.path("code").asInt()).isEqualTo(20404);
    assertThat(body.path("status").asInt()).isEqualTo(404);
    assertThat(body.path("message").asText())
        .isEqualTo("The requested resource /NoSuchThing/CH00 was not found");
    assertThat(body.path("more_info").asText())
        .isEqualTo("https://www.twilio.com/docs/errors/20404");
  }

  @Test
  void aRateLimitFaultAnswers429WithRetryAfterOnTheNthMatchOnly() throws Exception {
    HttpResponse<String> armed =
        control(
            "POST",
            "/faults",
            "{\"match\":\"GET /conversations/v1/.*\",\"kind\":\"status\",\"status\":429,\"nth\":2,\"times\":1,\"retryAfterSeconds\":3}");
    assertThat(armed.statusCode()).isEqualTo(201);

    assertThat(twilio("GET", "/conversations/v1/X").statusCode()).isEqualTo(404);
    HttpResponse<String> limited = twilio("GET", "/conversations/v1/X");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("3");
    assertThat(JSON.readTree(limited.body()).path("code").asInt()).isEqualTo(20429);
    assertThat(twilio("GET", "/conversations/v1/X").statusCode()).isEqualTo(404);
    assertThat(twilio("POST", "/conversations/v1/X").statusCode()).isNotEqualTo(429);
  }

  @Test
  void theCallLogCountsEveryRequestWithItsFinalStatus() throws Exception {
    control(
        "POST",
        "/faults",
        "{\"match\":\"DELETE /flex-api/v1/.*\",\"kind\":\"status\",\"status\":503,\"times\":2}");
    twilio("GET", "/taskrouter/v1/Workspaces/WS00");
    twilio("DELETE", "/flex-api/v1/Interactions/KD00");
    twilio("DELETE", "/flex-api/v1/Interactions/KD00");
    JsonNode calls = JSON.readTree(control("GET", "/calls", null).body()).path("calls");
    assertThat(calls).hasSize(3);
    assertThat(calls.get(0).path("method").asText()).isEqualTo("GET");
    assertThat(calls.get(0).path("path").asText()).isEqualTo("/taskrouter/v1/Workspaces/WS00");
    assertThat(calls.get(0).path("status").asInt()).isEqualTo(404);
    assertThat(calls.get(1).path("status").asInt()).isEqualTo(503);
    assertThat(calls.get(2).path("status").asInt()).isEqualTo(503);
    assertThat(calls.get(0).has("durationMs")).isTrue();
    assertThat(calls.get(0).has("at")).isTrue();
    control("DELETE", "/calls", null);
    assertThat(JSON.readTree(control("GET", "/calls", null).body()).path("calls")).isEmpty();
  }

  @Test
  void badFaultRequestsAreRefusedWithAField() throws Exception {
    HttpResponse<String> r =
        control("POST", "/faults", "{\"match\":\"GET /x\",\"kind\":\"explode\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).at("/error/field").asText()).isEqualTo("kind");
    assertThat(
            control("POST", "/faults", "{\"match\":\"GET (\",\"kind\":\"latency\",\"latencyMs\":1}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            control("POST", "/faults", "{\"match\":\"GET /x\",\"kind\":\"status\",\"status\":200}")
                .statusCode())
        .isEqualTo(400);
    assertThat(JSON.readTree(control("GET", "/faults", null).body()).path("faults")).isEmpty();
  }

  @Test
  void advancingTheClockMovesSandboxTimeWithoutSleeping() throws Exception {
    JsonNode before = JSON.readTree(control("GET", "/clock", null).body());
    JsonNode after = JSON.readTree(control("POST", "/clock/advance", "{\"seconds\":3600}").body());
    assertThat(after.path("offsetSeconds").asLong() - before.path("offsetSeconds").asLong())
        .isEqualTo(3600);
    assertThat(java.time.Instant.parse(after.path("now").asText()))
        .isAfterOrEqualTo(java.time.Instant.parse(before.path("now").asText()).plusSeconds(3600));
    assertThat(control("POST", "/clock/advance", "{\"seconds\":-1}").statusCode()).isEqualTo(400);
    assertThat(control("POST", "/clock/advance", "{}").statusCode()).isEqualTo(400);
  }
}
