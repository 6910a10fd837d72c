package dev.flexkit.sandbox.conversations;

import static dev.flexkit.sandbox.junit.TwilioHttp.assertError;
import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rules R1–R6 of shared/reference/TWILIO-RULES.md (conversation timers and states), checked with a
 * plain HTTP client, not twilio-java: the error codes are the cited ones (ERR/50375…50384); the
 * wording of 50375/50376/50379/50380 is ours, since the rules file gives only the codes.
 */
@ExtendWith(TwilioSandboxExtension.class)
class TimersAndStatesRulesTest {
  private final TwilioHttp http;

  TimersAndStatesRulesTest(TwilioSandbox twilio) {
    this.http = new TwilioHttp(twilio);
  }

  @Test
  void r1_timersWithoutStateAreRefused() {
    assertError(
        post("/conversations/v1/Conversations", "Timers.Closed", "PT10M"),
        400,
        50382,
        "Timer can't be set without state");
    assertError(
        post("/conversations/v1/Conversations", "Timers.Inactive", "PT5M"),
        400,
        50382,
        "Timer can't be set without state");
    assertError(
        post("/conversations/v1/ConversationWithParticipants", "Timers.Closed", "PT10M"),
        400,
        50382,
        "Timer can't be set without state");
    assertThat(
            post("/conversations/v1/Conversations", "State", "active", "Timers.Closed", "PT10M")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void r2_aConversationCannotBeCreatedClosed() {
    assertError(
        post("/conversations/v1/Conversations", "State", "closed"),
        400,
        50384,
        "Initial state can't be 'closed'");
    assertThat(
            json(post("/conversations/v1/Conversations", "State", "inactive"))
                .path("state")
                .asText())
        .isEqualTo("inactive");
  }

  @Test
  void r3_onlyActiveInactiveOrClosedAreStates() {
    assertThat(json(post("/conversations/v1/Conversations")).path("state").asText())
        .isEqualTo("active");
    assertError(post("/conversations/v1/Conversations", "State", "initializing"), 400, 50378, null);
    String sid = json(post("/conversations/v1/Conversations")).path("sid").asText();
    assertError(
        post("/conversations/v1/Conversations/" + sid, "State", "sleeping"), 400, 50378, null);
  }

  @Test
  void r4_timersUnderTheMinimumAreRefused() {
    assertError(
        post("/conversations/v1/Conversations", "State", "active", "Timers.Inactive", "PT59S"),
        400,
        50375,
        null);
    assertError(
        post("/conversations/v1/Conversations", "State", "active", "Timers.Closed", "PT9M"),
        400,
        50376,
        null);
    assertThat(
            post(
                    "/conversations/v1/Conversations",
                    "State",
                    "active",
                    "Timers.Inactive",
                    "PT1M",
                    "Timers.Closed",
                    "PT10M")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void r5_timersMustBeIsoDurationsAndPt0sSwitchesOneOff() {
    assertError(
        post("/conversations/v1/Conversations", "State", "active", "Timers.Inactive", "5 minutes"),
        400,
        50379,
        null);
    assertError(
        post("/conversations/v1/Conversations", "State", "active", "Timers.Closed", "ten"),
        400,
        50380,
        null);
    JsonNode off =
        json(post("/conversations/v1/Conversations", "State", "active", "Timers.Closed", "PT0S"));
    assertThat(off.path("timers").has("date_closed")).isFalse();
  }

  @Test
  void r6_aClosedConversationIsFinal() {
    String sid = json(post("/conversations/v1/Conversations")).path("sid").asText();
    assertThat(post("/conversations/v1/Conversations/" + sid, "State", "closed").statusCode())
        .isEqualTo(200);
    // The status of 50377 is undocumented (R6: "status L"); the sandbox answers 400.
    assertError(
        post("/conversations/v1/Conversations/" + sid, "State", "active"),
        400,
        50377,
        "Can't update conversation as it's in final closed state");
    assertError(
        post("/conversations/v1/Conversations/" + sid, "FriendlyName", "again"), 400, 50377, null);
  }

  private HttpResponse<String> post(String path, String... pairs) {
    return http.post(path, pairs);
  }
}
