package dev.flexkit.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.sandbox.traffic.Faults;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension as another project would use it: a plain HTTP client, no kit code. */
@ExtendWith(TwilioSandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwilioSandboxExtensionTest {
  private final TwilioSandbox twilio;
  private final TwilioHttp http;

  TwilioSandboxExtensionTest(TwilioSandbox twilio) {
    this.twilio = twilio;
    this.http = new TwilioHttp(twilio);
  }

  @Test
  @Order(1)
  void answersTwilioRequestsWithTheAccountsCredentialsAndLogsThem(TwilioSandbox sameSandbox)
      throws Exception {
    assertThat(sameSandbox).isSameAs(twilio);
    HttpResponse<String> created = createConversation(twilio.authToken());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"sid\":\"CH");
    assertThat(createConversation("not-the-token").statusCode()).isEqualTo(401);
    assertThat(twilio.calls())
        .extracting(c -> c.method() + " " + c.path() + " " + c.status())
        .containsExactly(
            "POST /conversations/v1/Conversations 201", "POST /conversations/v1/Conversations 401");
  }

  @Test
  @Order(2)
  void faultsApplyToTheNextCallsAndEachTestStartsWithNone() throws Exception {
    assertThat(twilio.calls()).as("the call log is per test").isEmpty();
    twilio
        .faults()
        .add(
            new Faults.Rule(
                "POST /conversations/v1/Conversations", Faults.Kind.STATUS, 503, 0, 1, 1, 0));
    assertThat(createConversation(twilio.authToken()).statusCode()).isEqualTo(503);
    assertThat(createConversation(twilio.authToken()).statusCode()).isEqualTo(201);
  }

  @Test
  @Order(3)
  void noFaultIsLeftFromAnEarlierTest() throws Exception {
    assertThat(twilio.faults().list()).isEmpty();
    assertThat(createConversation(twilio.authToken()).statusCode()).isEqualTo(201);
  }

  @Test
  @Order(4)
  void aCustomerWritesAndTimeMoves() throws Exception {
    var inbound = twilio.customerSends("+15005550006", twilio.smsNumbers().get(0), "Hello?");
    assertThat(inbound.newConversation()).isTrue();
    HttpResponse<String> messages =
        get("/conversations/v1/Conversations/" + inbound.conversationSid() + "/Messages");
    assertThat(messages.body()).contains("Hello?");

    Instant before = twilio.clock().instant();
    twilio.advance(Duration.ofHours(25));
    assertThat(Duration.between(before, twilio.clock().instant()))
        .isGreaterThanOrEqualTo(Duration.ofHours(25));
    assertThat(twilio.taskRouter().workspaceSid()).startsWith("WS");
  }

  private HttpResponse<String> createConversation(String token) {
    return http.as(token).post("/conversations/v1/Conversations", "FriendlyName", "extension test");
  }

  private HttpResponse<String> get(String path) {
    return http.get(path);
  }
}
