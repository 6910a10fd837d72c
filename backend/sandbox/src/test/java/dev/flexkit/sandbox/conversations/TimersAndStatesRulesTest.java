package dev.flexkit.sandbox.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rules R1–R6 of shared/reference/TWILIO-RULES.md (conversation timers and states), checked with a
 * plain HTTP client, not twilio-java: the error codes are the cited ones (ERR/50375…50384); the
 * wording of 50375/50376/50379/50380 is ours, since the rules file gives only the codes.
 */
@ExtendWith(TwilioSandboxExtension.class)
class TimersAndStatesRulesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TwilioSandbox twilio;

  TimersAndStatesRulesTest(TwilioSandbox twilio) {
    this.twilio = twilio;
  }

  @Test
  void r1_timersWithoutStateAreRefused() throws Exception {
    assertError(post("/conversations/v1/Conversations", "Timers.Closed", "PT10M"), 400, 50382,
        "Timer can't be set without state");
    assertError(post("/conversations/v1/Conversations", "Timers.Inactive", "PT5M"), 400, 50382,
        "Timer can't be set without state");
    assertError(post("/conversations/v1/ConversationWithParticipants", "Timers.Closed", "PT10M"), 400, 50382,
        "Timer can't be set without state");
    assertThat(post("/conversations/v1/Conversations", "State", "active", "Timers.Closed", "PT10M").statusCode())
        .isEqualTo(201);
  }

  @Test
  void r2_aConversationCannotBeCreatedClosed() throws Exception {
    assertError(post("/conversations/v1/Conversations", "State", "closed"), 400, 50384,
        "Initial state can't be 'closed'");
    assertThat(json(post("/conversations/v1/Conversations", "State", "inactive")).path("state").asText())
        .isEqualTo("inactive");
  }

  @Test
  void r3_onlyActiveInactiveOrClosedAreStates() throws Exception {
    assertThat(json(post("/conversations/v1/Conversations")).path("state").asText()).isEqualTo("active");
    assertError(post("/conversations/v1/Conversations", "State", "initializing"), 400, 50378, null);
    String sid = json(post("/conversations/v1/Conversations")).path("sid").asText();
    assertError(post("/conversations/v1/Conversations/" + sid, "State", "sleeping"), 400, 50378, null);
  }

  @Test
  void r4_timersUnderTheMinimumAreRefused() throws Exception {
    assertError(post("/conversations/v1/Conversations", "State", "active", "Timers.Inactive", "PT59S"), 400, 50375, null);
    assertError(post("/conversations/v1/Conversations", "State", "active", "Timers.Closed", "PT9M"), 400, 50376, null);
    assertThat(post("/conversations/v1/Conversations", "State", "active", "Timers.Inactive", "PT1M",
        "Timers.Closed", "PT10M").statusCode()).isEqualTo(201);
  }

  @Test
  void r5_timersMustBeIsoDurationsAndPt0sSwitchesOneOff() throws Exception {
    assertError(post("/conversations/v1/Conversations", "State", "active", "Timers.Inactive", "5 minutes"), 400, 50379,
        null);
    assertError(post("/conversations/v1/Conversations", "State", "active", "Timers.Closed", "ten"), 400, 50380, null);
    JsonNode off = json(post("/conversations/v1/Conversations", "State", "active", "Timers.Closed", "PT0S"));
    assertThat(off.path("timers").has("date_closed")).isFalse();
  }

  @Test
  void r6_aClosedConversationIsFinal() throws Exception {
    String sid = json(post("/conversations/v1/Conversations")).path("sid").asText();
    assertThat(post("/conversations/v1/Conversations/" + sid, "State", "closed").statusCode()).isEqualTo(200);
    // The status of 50377 is undocumented (R6: "status L"); the sandbox answers 400.
    assertError(post("/conversations/v1/Conversations/" + sid, "State", "active"), 400, 50377,
        "Can't update conversation as it's in final closed state");
    assertError(post("/conversations/v1/Conversations/" + sid, "FriendlyName", "again"), 400, 50377, null);
  }

  private static void assertError(HttpResponse<String> response, int status, int code, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
    if (message != null) {
      assertThat(body.path("message").asText()).isEqualTo(message);
    }
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String path, String... pairs) throws Exception {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    String basic = Base64.getEncoder().encodeToString(
        (twilio.accountSid() + ":" + twilio.authToken()).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create(twilio.twilioBaseUrl() + path))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }
}
