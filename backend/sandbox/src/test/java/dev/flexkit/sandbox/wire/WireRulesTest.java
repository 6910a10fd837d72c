package dev.flexkit.sandbox.wire;

import static dev.flexkit.sandbox.junit.TwilioHttp.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import dev.flexkit.sandbox.traffic.Faults;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rate limits and the error envelope, R38 and R54–R56 of shared/reference/TWILIO-RULES.md. The
 * limits are not enforced by counting (tests would have to be slow or flaky to meet them); they are
 * injectable faults that answer exactly as Twilio does.
 */
@ExtendWith(TwilioSandboxExtension.class)
class WireRulesTest {
  private final TwilioSandbox twilio;
  private final TwilioHttp http;

  WireRulesTest(TwilioSandbox twilio) {
    this.twilio = twilio;
    this.http = new TwilioHttp(twilio);
  }

  /** R54 (ERR/20429): too many concurrent requests is 429 20429 with Retry-After, not processed. */
  @Test
  void r54_tooManyConcurrentRequestsIsAnInjectable429With20429() {
    twilio
        .faults()
        .add(
            new Faults.Rule(
                "POST /conversations/v1/Conversations", Faults.Kind.STATUS, 429, 0, 1, 1, 2));
    int before = twilio.world().conversations().list(null, null, null).size();
    HttpResponse<String> limited = http.post("/conversations/v1/Conversations");
    assertError(limited, 429, 20429, null);
    assertThat(limited.headers().firstValue("Retry-After")).contains("2");
    assertThat(twilio.world().conversations().list(null, null, null)).hasSize(before);
    assertThat(http.post("/conversations/v1/Conversations").statusCode()).isEqualTo(201);
  }

  /** R55 (ERR/50063; changelog): the Conversations actions-per-second limit is 429 50063. */
  @Test
  void r55_aConversationsRateLimitIsAnInjectable429With50063() {
    twilio
        .faults()
        .add(
            new Faults.Rule(
                "POST /conversations/v1/Conversations/.+/Messages",
                Faults.Kind.STATUS,
                429,
                0,
                1,
                1,
                1,
                50063));
    assertError(
        http.post("/conversations/v1/Conversations/CH" + "0".repeat(32) + "/Messages", "Body", "x"),
        429,
        50063,
        "Actions per second limit exceeded");
  }

  /**
   * R38 (ERR/45780): Flex Interactions allows 20 requests per second per endpoint and account; past
   * it, 429 45780 and the request is not processed. Like R54 and R55 it is an injectable fault, not
   * a count: reaching 20 a second would make tests slow or flaky.
   */
  @Test
  void r38_anInteractionsRateLimitIsAnInjectable429With45780() {
    twilio
        .faults()
        .add(
            new Faults.Rule(
                "POST /flex-api/v1/Interactions", Faults.Kind.STATUS, 429, 0, 1, 1, 1, 45780));
    HttpResponse<String> limited =
        http.post("/flex-api/v1/Interactions", "Channel", "{\"type\":\"sms\"}");
    assertError(limited, 429, 45780, "Operation failed: too many concurrent API requests");
    assertThat(limited.headers().firstValue("Retry-After")).contains("1");
    assertThat(twilio.calls())
        .filteredOn(c -> c.path().equals("/flex-api/v1/Interactions"))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(429));
    assertThat(twilio.world().flexInteractions().settingUp()).isZero();
  }

  /**
   * R56 (twilio-chat-demo-android#147): every error is {@code {code, message, more_info, status}}
   * with more_info {@code https://www.twilio.com/docs/errors/NNNNN}, and nothing else.
   */
  @Test
  void r56_errorsUseTwilioEnvelopeAndNothingElse() throws Exception {
    String missing = "CH" + "0".repeat(32);
    HttpResponse<String> notFound = http.get("/conversations/v1/Conversations/" + missing);
    assertError(
        notFound,
        404,
        20404,
        "The requested resource /Conversations/" + missing + " was not found");
    HttpResponse<String> bad =
        http.post(
            "/taskrouter/v1/Workspaces/"
                + twilio.taskRouter().workspaceSid()
                + "/Tasks/WT"
                + "0".repeat(32),
            "AssignmentStatus",
            "completed");
    for (HttpResponse<String> r : List.of(notFound, bad)) {
      JsonNode body = new ObjectMapper().readTree(r.body());
      List<String> names = new ArrayList<>();
      body.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactly("code", "message", "more_info", "status");
    }
  }
}
