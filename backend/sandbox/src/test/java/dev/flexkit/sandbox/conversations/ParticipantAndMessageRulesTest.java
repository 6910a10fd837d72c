package dev.flexkit.sandbox.conversations;

import static dev.flexkit.sandbox.junit.TwilioHttp.assertError;
import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.sandbox.content.ContentLibrary;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rules R9, R11, R12 and R17 of shared/reference/TWILIO-RULES.md (bindings, participants, content
 * variables), with a plain HTTP client. Codes are the cited ones (ERR/50407…50437, 50416,
 * 50527/50528); the wording is ours except 50416's, which R9 quotes.
 */
@ExtendWith(TwilioSandboxExtension.class)
class ParticipantAndMessageRulesTest {
  private static final AtomicInteger CUSTOMERS = new AtomicInteger();

  private final TwilioSandbox twilio;
  private final TwilioHttp http;

  ParticipantAndMessageRulesTest(TwilioSandbox twilio) {
    this.twilio = twilio;
    this.http = new TwilioHttp(twilio);
  }

  @Test
  void r9_aPairInAnotherOpenConversationIsRefusedNamingIt() {
    String customer = newCustomer();
    String first = newConversation();
    json(addSms(first, customer, sms()));
    assertError(
        addSms(newConversation(), customer, sms()),
        409,
        50416,
        "A binding for this participant and proxy address already exists in Conversation " + first);
  }

  @Test
  void r11_theSamePairOrIdentityTwiceInOneConversationIsRefused() {
    String customer = newCustomer();
    String sid = newConversation();
    json(addSms(sid, customer, sms()));
    assertError(addSms(sid, customer, sms()), 409, 50437, null);
    json(http.post(participants(sid), "Identity", "alice@example.com"));
    assertError(http.post(participants(sid), "Identity", "alice@example.com"), 409, 50433, null);
  }

  @Test
  void r12_bindingAddressesAreChecked() {
    String sid = newConversation();
    assertError(addSms(sid, "5551234", sms()), 400, 50407, null);
    assertError(
        http.post(participants(sid), "MessagingBinding.Address", newCustomer()), 400, 50412, null);
    assertError(addSms(sid, newCustomer(), "not-a-number"), 400, 50408, null);
    assertError(addSms(sid, newCustomer(), "+1" + "5".repeat(300)), 400, 50408, null);
    assertError(addSms(sid, sms(), sms()), 400, 50409, null);
    assertError(addSms(sid, "whatsapp:" + newCustomer(), sms()), 400, 50414, null);
  }

  @Test
  void r17_contentVariablesNeedAContentSidAndMustBeAJsonObject() {
    String sid = newConversation();
    assertError(
        http.post(messages(sid), "Body", "hi", "ContentVariables", "{\"1\":\"Ada\"}"),
        400,
        50528,
        null);
    assertError(
        http.post(
            messages(sid),
            "ContentSid",
            ContentLibrary.ORDER_UPDATE,
            "ContentVariables",
            "[\"Ada\"]"),
        400,
        50527,
        null);
    assertError(
        http.post(
            messages(sid), "ContentSid", ContentLibrary.ORDER_UPDATE, "ContentVariables", "Ada"),
        400,
        50527,
        null);
    assertThat(
            http.post(
                    messages(sid),
                    "ContentSid",
                    ContentLibrary.ORDER_UPDATE,
                    "ContentVariables",
                    "{\"1\":\"Ada\"}")
                .statusCode())
        .isEqualTo(201);
  }

  private String newConversation() {
    return json(http.post("/conversations/v1/Conversations")).path("sid").asText();
  }

  private java.net.http.HttpResponse<String> addSms(
      String conversation, String address, String proxy) {
    return http.post(
        participants(conversation),
        "MessagingBinding.Address",
        address,
        "MessagingBinding.ProxyAddress",
        proxy);
  }

  private String sms() {
    return twilio.smsNumbers().get(0);
  }

  private static String participants(String conversation) {
    return "/conversations/v1/Conversations/" + conversation + "/Participants";
  }

  private static String messages(String conversation) {
    return "/conversations/v1/Conversations/" + conversation + "/Messages";
  }

  private static String newCustomer() {
    return "+1555" + (3_000_000 + CUSTOMERS.incrementAndGet());
  }
}
