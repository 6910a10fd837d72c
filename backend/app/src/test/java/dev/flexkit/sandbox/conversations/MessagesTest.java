package dev.flexkit.sandbox.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.exception.ApiException;
import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.conversations.v1.conversation.Message;
import com.twilio.rest.conversations.v1.conversation.Participant;
import com.twilio.rest.conversations.v1.conversation.message.DeliveryReceipt;
import dev.flexkit.sandbox.content.ContentLibrary;
import dev.flexkit.sandbox.phone.SandboxNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Messages, templates, delivery to the customer's phone and WhatsApp's 24-hour window. */
class MessagesTest {
  @RegisterExtension static final EmulatedTwilio twilio = new EmulatedTwilio();

  private static String conversationWith(String customer, String ourNumber) {
    String sid = Conversation.creator().create(twilio.client()).getSid();
    Participant.creator(sid)
        .setMessagingBindingAddress(customer)
        .setMessagingBindingProxyAddress(ourNumber)
        .create(twilio.client());
    return sid;
  }

  private static Message send(String conversation, String body) {
    return Message.creator(conversation).setAuthor("alice").setBody(body).create(twilio.client());
  }

  private static List<DeliveryReceipt> receipts(String conversation, String message) {
    List<DeliveryReceipt> all = new ArrayList<>();
    DeliveryReceipt.reader(conversation, message).read(twilio.client()).forEach(all::add);
    return all;
  }

  @Test
  void anAgentMessageReachesTheSmsCustomersPhone() {
    String customer = EmulatedTwilio.newCustomer();
    String conversation = conversationWith(customer, SandboxNumbers.SMS);
    Message m = send(conversation, "Your parcel is on its way");
    assertThat(m.getSid()).matches("IM[0-9a-f]{32}");
    assertThat(m.getIndex()).isZero();
    assertThat(m.getAuthor()).isEqualTo("alice");
    @SuppressWarnings("unchecked")
    Map<String, Object> delivery = (Map<String, Object>) m.getDelivery();
    assertThat(delivery)
        .containsEntry("total", 1)
        .containsEntry("delivered", "all")
        .containsEntry("failed", "none");

    JsonNode inbox = twilio.inboxOf(customer);
    assertThat(inbox).hasSize(1);
    assertThat(inbox.get(0).path("from").asText()).isEqualTo(SandboxNumbers.SMS);
    assertThat(inbox.get(0).path("to").asText()).isEqualTo(customer);
    assertThat(inbox.get(0).path("body").asText()).isEqualTo("Your parcel is on its way");
    assertThat(inbox.get(0).has("contentSid")).isTrue();
    assertThat(inbox.get(0).has("dateCreated")).isTrue();

    List<DeliveryReceipt> receipts = receipts(conversation, m.getSid());
    assertThat(receipts).hasSize(1);
    assertThat(receipts.get(0).getStatus()).isEqualTo(DeliveryReceipt.DeliveryStatus.DELIVERED);
    DeliveryReceipt one =
        DeliveryReceipt.fetcher(conversation, m.getSid(), receipts.get(0).getSid())
            .fetch(twilio.client());
    assertThat(one.getChannelMessageSid()).startsWith("SM");
  }

  @Test
  void theAuthorDefaultsToSystemAndMessagesCanBeEditedAndDeleted() {
    String conversation = Conversation.creator().create(twilio.client()).getSid();
    Message m = Message.creator(conversation).setBody("hello").create(twilio.client());
    assertThat(m.getAuthor()).isEqualTo("system");
    assertThat(m.getDelivery()).isNull();

    Message edited =
        Message.updater(conversation, m.getSid())
            .setBody("hello again")
            .setAttributes("{\"edited\":true}")
            .update(twilio.client());
    assertThat(edited.getBody()).isEqualTo("hello again");
    assertThat(Message.fetcher(conversation, m.getSid()).fetch(twilio.client()).getAttributes())
        .isEqualTo("{\"edited\":true}");

    assertThat(Message.deleter(conversation, m.getSid()).delete(twilio.client())).isTrue();
    assertThatThrownBy(() -> Message.fetcher(conversation, m.getSid()).fetch(twilio.client()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20404));
  }

  @Test
  void messagesPageInEitherOrder() {
    String conversation = Conversation.creator().create(twilio.client()).getSid();
    for (int i = 0; i < 5; i++) {
      Message.creator(conversation).setBody("m" + i).create(twilio.client());
    }
    List<String> asc = new ArrayList<>();
    Message.reader(conversation)
        .pageSize(2)
        .read(twilio.client())
        .forEach(m -> asc.add(m.getBody()));
    assertThat(asc).containsExactly("m0", "m1", "m2", "m3", "m4");
    List<Integer> desc = new ArrayList<>();
    Message.reader(conversation)
        .setOrder(Message.OrderType.DESC)
        .pageSize(2)
        .read(twilio.client())
        .forEach(m -> desc.add(m.getIndex()));
    assertThat(desc).containsExactly(4, 3, 2, 1, 0);
  }

  @Test
  void aTemplateIsRenderedWithTheSentVariablesFallingBackToItsSamples() {
    String customer = EmulatedTwilio.newCustomer();
    String conversation = conversationWith(customer, SandboxNumbers.SMS);
    Message m =
        Message.creator(conversation)
            .setContentSid(ContentLibrary.ORDER_UPDATE)
            .setContentVariables("{\"1\":\"Maria\"}")
            .setBody("ignored")
            .create(twilio.client());
    assertThat(m.getContentSid()).isEqualTo(ContentLibrary.ORDER_UPDATE);
    assertThat(m.getBody())
        .isEqualTo("Hi Maria, your order #1042 has shipped. Reply here if you have any questions.");
    JsonNode inbox = twilio.inboxOf(customer);
    assertThat(inbox.get(0).path("body").asText()).isEqualTo(m.getBody());
    assertThat(inbox.get(0).path("contentSid").asText()).isEqualTo(ContentLibrary.ORDER_UPDATE);
  }

  @Test
  void badTemplateVariablesFailWith50527Or21656AndVariablesWithoutATemplateWith50528() {
    String conversation = Conversation.creator().create(twilio.client()).getSid();
    // R17: not a JSON object is 50527; R53: an object with an empty or null value is 21656.
    for (String notAnObject : List.of("not json", "[\"x\"]")) {
      assertTwilioCode(
          () ->
              Message.creator(conversation)
                  .setContentSid(ContentLibrary.ORDER_UPDATE)
                  .setContentVariables(notAnObject)
                  .create(twilio.client()),
          50527);
    }
    for (String emptyValue : List.of("{\"1\":\"\"}", "{\"1\":null}")) {
      assertTwilioCode(
          () ->
              Message.creator(conversation)
                  .setContentSid(ContentLibrary.ORDER_UPDATE)
                  .setContentVariables(emptyValue)
                  .create(twilio.client()),
          21656);
    }
    assertThatThrownBy(
            () ->
                Message.creator(conversation)
                    .setBody("x")
                    .setContentVariables("{\"1\":\"a\"}")
                    .create(twilio.client()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(50528));
  }

  private static void assertTwilioCode(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getCode()).isEqualTo(code);
            });
  }

  @Test
  void freeFormWhatsAppWithoutARecentCustomerMessageIsAcceptedThenFailsWith63016() {
    String customer = "whatsapp:" + EmulatedTwilio.newCustomer();
    String conversation = conversationWith(customer, SandboxNumbers.WHATSAPP);
    Message m = send(conversation, "Hi, are you still there?");
    assertThat(m.getSid()).startsWith("IM");

    List<DeliveryReceipt> receipts = receipts(conversation, m.getSid());
    assertThat(receipts).hasSize(1);
    assertThat(receipts.get(0).getStatus()).isEqualTo(DeliveryReceipt.DeliveryStatus.FAILED);
    assertThat(receipts.get(0).getErrorCode()).isEqualTo(63016);
    assertThat(twilio.inboxOf(customer)).isEmpty();
  }

  @Test
  void anApprovedTemplateGetsThroughOutsideTheWindowButAnUnapprovedOneDoesNot() {
    String customer = "whatsapp:" + EmulatedTwilio.newCustomer();
    String conversation = conversationWith(customer, SandboxNumbers.WHATSAPP);
    Message approved =
        Message.creator(conversation)
            .setContentSid(ContentLibrary.APPOINTMENT_REMINDER)
            .setContentVariables("{\"1\":\"Lee\",\"2\":\"Friday 9:00\"}")
            .create(twilio.client());
    assertThat(receipts(conversation, approved.getSid()).get(0).getStatus())
        .isEqualTo(DeliveryReceipt.DeliveryStatus.DELIVERED);
    Message rejected =
        Message.creator(conversation)
            .setContentSid(ContentLibrary.SPRING_PROMO)
            .create(twilio.client());
    // R52: a template WhatsApp has not approved fails with 63027, not 63016.
    assertThat(receipts(conversation, rejected.getSid()).get(0).getErrorCode()).isEqualTo(63027);

    JsonNode inbox = twilio.inboxOf(customer);
    assertThat(inbox).hasSize(1);
    assertThat(inbox.get(0).path("body").asText())
        .isEqualTo(
            "Hello Lee, this is a reminder of your appointment on Friday 9:00. Reply to talk to an agent.");
    assertThat(inbox.get(0).path("from").asText()).isEqualTo(SandboxNumbers.WHATSAPP);
  }

  @Test
  void theWhatsAppWindowOpensOnTheCustomersMessageAndClosesAfter24Hours() {
    String customer = "whatsapp:" + EmulatedTwilio.newCustomer();
    JsonNode sent = twilio.customerSends(customer, SandboxNumbers.WHATSAPP, "Hello?");
    String conversation = sent.path("conversationSid").asText();

    twilio.world().clock().advance(Duration.ofHours(23));
    Message inside = send(conversation, "Happy to help");
    assertThat(receipts(conversation, inside.getSid()).get(0).getStatus())
        .isEqualTo(DeliveryReceipt.DeliveryStatus.DELIVERED);

    twilio.world().clock().advance(Duration.ofHours(2));
    Message outside = send(conversation, "Anything else?");
    assertThat(receipts(conversation, outside.getSid()).get(0).getErrorCode()).isEqualTo(63016);

    JsonNode inbox = twilio.inboxOf(customer);
    assertThat(inbox).extracting(n -> n.path("body").asText()).containsExactly("Happy to help");
  }

  @Test
  void smsHasNoWindow() {
    String customer = EmulatedTwilio.newCustomer();
    String conversation = conversationWith(customer, SandboxNumbers.SMS);
    twilio.world().clock().advance(Duration.ofDays(3));
    send(conversation, "Still here");
    assertThat(twilio.inboxOf(customer)).hasSize(1);
  }

  @Test
  void aMessageToAClosedConversationIsRefused() {
    String conversation = Conversation.creator().create(twilio.client()).getSid();
    Conversation.updater(conversation).setState(Conversation.State.CLOSED).update(twilio.client());
    assertThatThrownBy(() -> Message.creator(conversation).setBody("late").create(twilio.client()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(50377));
  }
}
