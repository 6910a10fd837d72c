package dev.flexkit.sandbox.iam;

import static dev.flexkit.sandbox.junit.TwilioHttp.assertError;
import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** IAM token validation, R48–R49 of shared/reference/TWILIO-RULES.md, with a plain HTTP client. */
@ExtendWith(TwilioSandboxExtension.class)
class IamRulesTest {
  private final TwilioSandbox twilio;
  private final TwilioHttp http;
  private final String validate;

  IamRulesTest(TwilioSandbox twilio) {
    this.twilio = twilio;
    this.http = new TwilioHttp(twilio);
    this.validate = "/iam/v1/Accounts/" + twilio.accountSid() + "/Tokens/validate";
  }

  /**
   * R48 (TFV src/index.ts L52-79): POST …/Tokens/validate with Basic auth and a JSON {@code
   * {"token":…}}; success is exactly {@code {valid:true, code:0, message:null, expiration,
   * realm_user_id, identity, roles[], worker_sid}}.
   */
  @Test
  void r48_aValidTokenGetsExactlyTheSuccessShape() {
    FlexTokens.Issued issued =
        twilio
            .world()
            .tokens()
            .issue(
                twilio.world().workerDirectory().byIdentity("alice_40example_2Ecom").orElseThrow(),
                Duration.ofHours(1));
    JsonNode body = json(http.postJson(validate, "{\"token\":\"" + issued.token() + "\"}"));
    assertThat(names(body))
        .containsExactly(
            "valid",
            "code",
            "message",
            "expiration",
            "realm_user_id",
            "identity",
            "roles",
            "worker_sid");
    assertThat(body.path("valid").asBoolean()).isTrue();
    assertThat(body.path("code").isInt()).isTrue();
    assertThat(body.path("code").asInt()).isZero();
    assertThat(body.path("message").isNull()).isTrue();
    assertThat(Instant.parse(body.path("expiration").asText())).isEqualTo(issued.expiresAt());
    assertThat(body.path("realm_user_id").asText()).isEqualTo("alice@example.com");
    assertThat(body.path("identity").asText()).isEqualTo("alice_40example_2Ecom");
    assertThat(body.path("roles").isArray()).isTrue();
    assertThat(body.path("worker_sid").asText()).isEqualTo(issued.workerSid());

    assertError(
        http.as("wrong").postJson(validate, "{\"token\":\"" + issued.token() + "\"}"),
        401,
        20003,
        null);
  }

  /**
   * R49 (TFV src/index.ts L75-79; index.test.ts mock): a refused token is {@code {valid:false,
   * message}} and nothing else. The real HTTP status is undocumented (clients judge by {@code
   * valid}); the sandbox answers 200.
   */
  @Test
  void r49_aRefusedTokenIsValidFalseWithOnlyAMessage() {
    FlexTokens.Issued expired =
        twilio
            .world()
            .tokens()
            .issue(
                twilio.world().workerDirectory().byIdentity("alice_40example_2Ecom").orElseThrow(),
                Duration.ofSeconds(30));
    twilio.advance(Duration.ofSeconds(31));
    for (String token : List.of("not-a-token", expired.token())) {
      JsonNode body = json(http.postJson(validate, "{\"token\":\"" + token + "\"}"));
      assertThat(names(body)).containsExactly("valid", "message");
      assertThat(body.path("valid").asBoolean(true)).isFalse();
      assertThat(body.path("message").asText()).isNotEmpty();
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
