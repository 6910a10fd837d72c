package dev.flexkit.sandbox.conversations;

import static dev.flexkit.sandbox.junit.TwilioHttp.assertError;
import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.content.ContentLibrary;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rules R7–R17 and R57 of shared/reference/TWILIO-RULES.md (conversations created with
 * participants, bindings, participants, messages, content variables), with a plain HTTP client.
 * Codes are the cited ones (ERR/50407…50441, 50416, 50426, 50527/50528); the wording is ours except
 * 50416's, which R9 quotes, and R13's, which twilio-csharp#661 quotes.
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

  /**
   * R7 (OAI-conv ConversationWithParticipants; ERR/50426): {@code Participant} repeats, at most
   * ten, and the answer is 201. The participants are created at once, so the conversation is never
   * seen {@code initializing} (Twilio's background creation, and 50386, are for group MMS only).
   */
  @Test
  void r7_conversationWithParticipantsTakesAtMostTenAndAnswers201() {
    String[] eleven = new String[22];
    for (int i = 0; i < 11; i++) {
      eleven[2 * i] = "Participant";
      eleven[2 * i + 1] = "{\"identity\":\"r7-" + i + "@example.com\"}";
    }
    assertError(http.post(WITH_PARTICIPANTS, eleven), 400, 50426, null);

    java.net.http.HttpResponse<String> created =
        http.post(
            WITH_PARTICIPANTS,
            "Participant",
            "{\"identity\":\"r7@example.com\"}",
            "Participant",
            binding(newCustomer(), sms()));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode conversation = json(created);
    assertThat(conversation.path("state").asText()).isEqualTo("active");
    assertThat(json(http.get(participants(conversation.path("sid").asText()))).path("participants"))
        .hasSize(2);
  }

  /**
   * R8 (ERR/50424, ERR/50425): bad participant JSON, and a pair another open conversation holds,
   * are refused before anything is created. 50427 (a background failure reported only in the
   * Debugger) cannot happen: the sandbox creates participants synchronously.
   */
  @Test
  void r8_badParticipantJsonAndATakenPairAreRefused() {
    assertError(http.post(WITH_PARTICIPANTS, "Participant", "not json"), 400, 50424, null);
    assertError(http.post(WITH_PARTICIPANTS, "Participant", "[1,2]"), 400, 50424, null);
    String customer = newCustomer();
    json(addSms(newConversation(), customer, sms()));
    int before = twilio.world().conversations().list(null, null, null).size();
    assertError(
        http.post(WITH_PARTICIPANTS, "Participant", binding(customer, sms())), 409, 50425, null);
    assertThat(twilio.world().conversations().list(null, null, null)).hasSize(before);
  }

  /**
   * R10 (ERR/50416, ERR/50427; OCBM helper): an inactive conversation still holds its binding (and
   * the customer's next message wakes it); closing it, removing the participant or deleting the
   * conversation frees it.
   */
  @Test
  void r10_aBindingIsHeldWhileInactiveAndFreedByCloseRemoveOrDelete() {
    String customer = newCustomer();
    String first = newConversation();
    json(addSms(first, customer, sms()));
    json(http.post(conversation(first), "State", "inactive"));
    assertError(addSms(newConversation(), customer, sms()), 409, 50416, null);
    assertThat(twilio.customerSends(customer, sms(), "back again").conversationSid())
        .isEqualTo(first);
    assertThat(json(http.get(conversation(first))).path("state").asText()).isEqualTo("active");
    json(http.post(conversation(first), "State", "closed"));
    json(addSms(newConversation(), customer, sms()));

    String removed = newCustomer();
    String second = newConversation();
    String participant = json(addSms(second, removed, sms())).path("sid").asText();
    assertThat(http.delete(participants(second) + "/" + participant).statusCode()).isEqualTo(204);
    json(addSms(newConversation(), removed, sms()));

    String deleted = newCustomer();
    String third = newConversation();
    json(addSms(third, deleted, sms()));
    assertThat(http.delete(conversation(third)).statusCode()).isEqualTo(204);
    json(addSms(newConversation(), deleted, sms()));
  }

  /**
   * R13 (OAI-conv CreateConversationParticipant; twilio/twilio-csharp#661): a participant is an
   * Identity or a binding; with neither Twilio answers 400 "Identity not provided". Its code is not
   * documented, so the sandbox uses the generic 20001.
   */
  @Test
  void r13_aParticipantWithNeitherIdentityNorBindingIsRefused() {
    String sid = newConversation();
    assertError(
        http.post(participants(sid), "Attributes", "{}"), 400, 20001, "Identity not provided");
    assertThat(
            json(http.post(participants(sid), "Identity", "r13@example.com"))
                .path("messaging_binding")
                .isNull())
        .isTrue();
  }

  /** R14 (ERR/50441; terraform-provider-twilio#63): a chat participant gets no proxy address. */
  @Test
  void r14_aProxyAddressCannotBeAddedToAParticipantWithoutAnAddress() {
    String sid = newConversation();
    String agent =
        json(http.post(participants(sid), "Identity", "r14@example.com")).path("sid").asText();
    assertError(
        http.post(participants(sid) + "/" + agent, "MessagingBinding.ProxyAddress", sms()),
        400,
        50441,
        null);
    assertThat(json(http.get(participants(sid) + "/" + agent)).path("messaging_binding").isNull())
        .isTrue();
  }

  /** R15 (ERR/50417, ERR/50422): 100 chat participants (the default limit) and 50 non-chat ones. */
  @Test
  void r15_aConversationHoldsAtMost100ChatAnd50NonChatParticipants() {
    String chat = newConversation();
    for (int i = 0; i < 100; i++) {
      json(http.post(participants(chat), "Identity", "r15-" + i + "@example.com"));
    }
    assertError(http.post(participants(chat), "Identity", "r15-100@example.com"), 400, 50417, null);
    json(addSms(chat, newCustomer(), sms()));

    String sms = newConversation();
    for (int i = 0; i < 50; i++) {
      json(addSms(sms, newCustomer(), sms()));
    }
    assertError(addSms(sms, newCustomer(), sms()), 400, 50422, null);
    json(http.post(participants(sms), "Identity", "r15-agent@example.com"));
  }

  /**
   * R16 (OAI-conv CreateConversationMessage): Author defaults to {@code system}; Body is at most
   * 1,600 characters (the code for a longer one is not documented: 400 20001); with ContentSid the
   * Body is ignored.
   */
  @Test
  void r16_authorDefaultsToSystemBodyIsAtMost1600AndContentSidWins() {
    String sid = newConversation();
    assertThat(json(http.post(messages(sid), "Body", "hi")).path("author").asText())
        .isEqualTo("system");
    assertError(http.post(messages(sid), "Body", "x".repeat(1601)), 400, 20001, null);
    assertThat(json(http.post(messages(sid), "Body", "x".repeat(1600))).path("body").asText())
        .hasSize(1600);
    JsonNode templated =
        json(
            http.post(
                messages(sid),
                "ContentSid",
                ContentLibrary.ORDER_UPDATE,
                "Body",
                "ignored " + "x".repeat(2000)));
    assertThat(templated.path("body").asText()).startsWith("Hi Alex, your order #1042");
  }

  /**
   * R57 (KI "Agent is added to a Conversation with guest role"; M, may be outdated): the agent who
   * accepts a Flex Conversations task joins with the service's default role, the one any
   * participant created without a RoleSid gets.
   */
  @Test
  void r57_anAcceptingAgentJoinsWithTheDefaultGuestRole() {
    String sid = newConversation();
    String plain =
        json(http.post(participants(sid), "Identity", "r57-plain@example.com"))
            .path("role_sid")
            .asText();
    twilio.world().conversations().addAgent(sid, "r57_40example_2Ecom");
    JsonNode members = json(http.get(participants(sid))).path("participants");
    assertThat(members).hasSize(2);
    assertThat(members.get(1).path("identity").asText()).isEqualTo("r57_40example_2Ecom");
    assertThat(members.get(1).path("role_sid").asText())
        .isEqualTo(plain)
        .isEqualTo(Conversations.GUEST_ROLE);
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

  private static final String WITH_PARTICIPANTS = "/conversations/v1/ConversationWithParticipants";

  private static String binding(String address, String proxy) {
    return "{\"messaging_binding\":{\"address\":\""
        + address
        + "\",\"proxy_address\":\""
        + proxy
        + "\"}}";
  }

  private static String conversation(String sid) {
    return "/conversations/v1/Conversations/" + sid;
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
