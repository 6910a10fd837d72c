package dev.flexkit.sandbox.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.conversations.v1.conversation.Message;
import dev.flexkit.sandbox.phone.SandboxNumbers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulated customer's phone: texting our numbers and reading what came back. */
class CustomerPhoneTest {
  @RegisterExtension static final EmulatedTwilio twilio = new EmulatedTwilio();
  private static final List<String> handled = new ArrayList<>();

  @BeforeAll
  static void start() {
    twilio
        .world()
        .conversations()
        .setInboundHandler(
            (conversationSid, channelType, customer, proxy) ->
                handled.add(conversationSid + " " + channelType + " " + customer + " " + proxy));
  }

  @Test
  void aFirstMessageStartsAConversationAndIsHandedToTheNumbersInboundHandling() {
    String customer = "whatsapp:" + EmulatedTwilio.newCustomer();
    JsonNode sent = twilio.customerSends(customer, SandboxNumbers.WHATSAPP, "Hi, I need help");
    String sid = sent.path("conversationSid").asText();
    assertThat(sent.path("newConversation").asBoolean()).isTrue();
    assertThat(handled).contains(sid + " whatsapp " + customer + " " + SandboxNumbers.WHATSAPP);

    List<Message> messages = new ArrayList<>();
    Message.reader(sid).read(twilio.client()).forEach(messages::add);
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).getAuthor()).isEqualTo(customer);
    assertThat(messages.get(0).getBody()).isEqualTo("Hi, I need help");
    assertThat(messages.get(0).getSid()).isEqualTo(sent.path("messageSid").asText());
    assertThat(twilio.world().conversations().customers(sid))
        .containsExactly(new ConversationsApi.CustomerBinding(customer, SandboxNumbers.WHATSAPP));
  }

  @Test
  void theAgentsReplyReachesThePhoneAndTheCustomersAnswerJoinsTheSameConversation() {
    String customer = EmulatedTwilio.newCustomer();
    String sid =
        twilio
            .customerSends(customer, SandboxNumbers.SMS, "Is my order late?")
            .path("conversationSid")
            .asText();
    Message.creator(sid).setAuthor("alice").setBody("It ships today").create(twilio.client());

    JsonNode inbox = twilio.inboxOf(customer);
    assertThat(inbox).hasSize(1);
    assertThat(inbox.get(0).path("from").asText()).isEqualTo(SandboxNumbers.SMS);
    assertThat(inbox.get(0).path("body").asText()).isEqualTo("It ships today");
    assertThat(inbox.get(0).path("contentSid").isNull()).isTrue();

    int handledBefore = handled.size();
    JsonNode answer = twilio.customerSends(customer, SandboxNumbers.SMS, "Thanks!");
    assertThat(answer.path("conversationSid").asText()).isEqualTo(sid);
    assertThat(answer.path("newConversation").asBoolean()).isFalse();
    assertThat(handled).hasSize(handledBefore);
    assertThat(twilio.world().conversations().messages(sid, false))
        .extracting(m -> m.body())
        .containsExactly("Is my order late?", "It ships today", "Thanks!");
  }

  @Test
  void aMessageToAnInactiveConversationWakesIt() {
    String customer = EmulatedTwilio.newCustomer();
    String sid =
        twilio.customerSends(customer, SandboxNumbers.SMS, "one").path("conversationSid").asText();
    Conversation.updater(sid).setState(Conversation.State.INACTIVE).update(twilio.client());
    twilio.customerSends(customer, SandboxNumbers.SMS, "two");
    assertThat(Conversation.fetcher(sid).fetch(twilio.client()).getState())
        .isEqualTo(Conversation.State.ACTIVE);
  }

  @Test
  void aMessageAfterTheConversationClosedStartsANewOne() {
    String customer = EmulatedTwilio.newCustomer();
    String first =
        twilio.customerSends(customer, SandboxNumbers.SMS, "one").path("conversationSid").asText();
    Conversation.updater(first).setState(Conversation.State.CLOSED).update(twilio.client());
    JsonNode again = twilio.customerSends(customer, SandboxNumbers.SMS, "two");
    assertThat(again.path("conversationSid").asText()).isNotEqualTo(first);
    assertThat(again.path("newConversation").asBoolean()).isTrue();
  }

  @Test
  void badCustomerMessagesAreRefusedNamingTheField() {
    assertRefused(
        "{\"from\":\"555\",\"to\":\"" + SandboxNumbers.SMS + "\",\"body\":\"x\"}", "from");
    assertRefused("{\"from\":\"+15551230000\",\"to\":\"+15550000000\",\"body\":\"x\"}", "to");
    assertRefused(
        "{\"from\":\"+15551230000\",\"to\":\"" + SandboxNumbers.WHATSAPP + "\",\"body\":\"x\"}",
        "to");
    assertRefused(
        "{\"from\":\"+15551230000\",\"to\":\"" + SandboxNumbers.SMS + "\",\"body\":\" \"}", "body");
    assertRefused("{}", "from");
  }

  private static void assertRefused(String json, String field) {
    HttpResponse<String> r = twilio.control("POST", "/sandbox/api/customers/messages", json);
    assertThat(r.statusCode()).as(json).isEqualTo(400);
    assertThat(EmulatedTwilio.json(r).at("/error/field").asText()).as(json).isEqualTo(field);
  }

  @Test
  void aCustomerWhoReceivedNothingHasAnEmptyInbox() {
    assertThat(twilio.inboxOf(EmulatedTwilio.newCustomer())).isEmpty();
    assertThat(twilio.world().numbers().sms()).containsExactly(SandboxNumbers.SMS);
    assertThat(twilio.world().numbers().whatsapp()).allMatch(n -> n.startsWith("whatsapp:+1555"));
  }
}
