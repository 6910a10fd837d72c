package dev.flexkit.sandbox.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.exception.ApiException;
import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.conversations.v1.ConversationWithParticipants;
import com.twilio.rest.conversations.v1.ParticipantConversation;
import com.twilio.rest.conversations.v1.conversation.Participant;
import dev.flexkit.sandbox.phone.SandboxNumbers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Participants, the one-open-conversation-per-binding rule and ParticipantConversations. */
class ParticipantsTest {
  @RegisterExtension static final EmulatedTwilio twilio = new EmulatedTwilio();

  private static String newConversation() {
    return Conversation.creator().create(twilio.client()).getSid();
  }

  private static Participant addSms(String conversation, String customer) {
    return Participant.creator(conversation)
        .setMessagingBindingAddress(customer)
        .setMessagingBindingProxyAddress(SandboxNumbers.SMS)
        .create(twilio.client());
  }

  @Test
  void anSmsCustomerJoinsWithABindingThroughOurNumber() {
    String conversation = newConversation();
    String customer = EmulatedTwilio.newCustomer();
    Participant p = addSms(conversation, customer);
    assertThat(p.getSid()).matches("MB[0-9a-f]{32}");
    assertThat(p.getIdentity()).isNull();
    assertThat((Map<?, ?>) p.getMessagingBinding())
        .isEqualTo(Map.of("type", "sms", "address", customer, "proxy_address", SandboxNumbers.SMS));
    assertThat(p.getConversationSid()).isEqualTo(conversation);

    Participant fetched = Participant.fetcher(conversation, p.getSid()).fetch(twilio.client());
    assertThat(fetched.getSid()).isEqualTo(p.getSid());
  }

  @Test
  void aWhatsAppCustomerAndAChatAgentJoinTheSameConversation() {
    String conversation = newConversation();
    String customer = "whatsapp:" + EmulatedTwilio.newCustomer();
    Participant wa =
        Participant.creator(conversation)
            .setMessagingBindingAddress(customer)
            .setMessagingBindingProxyAddress(SandboxNumbers.WHATSAPP)
            .create(twilio.client());
    assertThat(((Map<?, ?>) wa.getMessagingBinding()).get("type")).isEqualTo("whatsapp");

    Participant agent =
        Participant.creator(conversation)
            .setIdentity("alice_40example_2Ecom")
            .setAttributes("{\"member_type\":\"agent\"}")
            .create(twilio.client());
    assertThat(agent.getIdentity()).isEqualTo("alice_40example_2Ecom");
    assertThat(agent.getMessagingBinding()).isNull();
    assertThat(agent.getRoleSid()).startsWith("RL");
    assertThat(twilio.world().conversations().identities(conversation))
        .containsExactly("alice_40example_2Ecom");

    assertThatThrownBy(
            () ->
                Participant.creator(conversation)
                    .setIdentity("alice_40example_2Ecom")
                    .create(twilio.client()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(50433));
  }

  @Test
  void aSecondConversationForTheSameCustomerAndNumberFailsWith50416() {
    String first = newConversation();
    String customer = EmulatedTwilio.newCustomer();
    addSms(first, customer);
    String second = newConversation();
    assertThatThrownBy(() -> addSms(second, customer))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(409);
              assertThat(e.getCode()).isEqualTo(50416);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "A binding for this participant and proxy address already exists in Conversation "
                          + first);
            });
  }

  @Test
  void closingTheConversationReleasesTheBinding() {
    String first = newConversation();
    String customer = EmulatedTwilio.newCustomer();
    addSms(first, customer);
    Conversation.updater(first).setState(Conversation.State.CLOSED).update(twilio.client());
    String second = newConversation();
    assertThat(addSms(second, customer).getConversationSid()).isEqualTo(second);
  }

  @Test
  void removingTheCustomerReleasesTheBinding() {
    String first = newConversation();
    String customer = EmulatedTwilio.newCustomer();
    Participant p = addSms(first, customer);
    assertThat(Participant.deleter(first, p.getSid()).delete(twilio.client())).isTrue();
    assertThatThrownBy(() -> Participant.fetcher(first, p.getSid()).fetch(twilio.client()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20404));
    assertThat(addSms(newConversation(), customer).getSid()).isNotEqualTo(p.getSid());
  }

  @Test
  void r12_anAddressThatIsNotE164FailsWith50407() {
    String conversation = newConversation();
    for (String bad : List.of("5551234", "+0123456789", "whatsapp:555", "+1 555 123 4567")) {
      assertThatThrownBy(() -> addSms(conversation, bad))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(400);
                assertThat(e.getCode()).isEqualTo(50407);
              });
    }
  }

  @Test
  void participantAttributesAndRoleCanBeUpdated() {
    String conversation = newConversation();
    Participant p = Participant.creator(conversation).setIdentity("bob").create(twilio.client());
    Participant updated =
        Participant.updater(conversation, p.getSid())
            .setAttributes("{\"vip\":true}")
            .setLastReadMessageIndex(3)
            .update(twilio.client());
    assertThat(updated.getAttributes()).isEqualTo("{\"vip\":true}");
    assertThat(updated.getLastReadMessageIndex()).isEqualTo(3);
  }

  @Test
  void participantListsPageWithTwilioJava() {
    String conversation = newConversation();
    for (int i = 0; i < 5; i++) {
      Participant.creator(conversation).setIdentity("agent" + i).create(twilio.client());
    }
    List<String> identities = new ArrayList<>();
    Participant.reader(conversation)
        .pageSize(2)
        .read(twilio.client())
        .forEach(p -> identities.add(p.getIdentity()));
    assertThat(identities).containsExactly("agent0", "agent1", "agent2", "agent3", "agent4");
  }

  @Test
  void participantConversationsFindEveryConversationOfAnAddressOrIdentity() {
    String customer = EmulatedTwilio.newCustomer();
    String closed = newConversation();
    addSms(closed, customer);
    Conversation.updater(closed).setState(Conversation.State.CLOSED).update(twilio.client());
    String open = newConversation();
    addSms(open, customer);
    Participant.creator(open).setIdentity("carol").create(twilio.client());

    List<ParticipantConversation> byAddress = new ArrayList<>();
    ParticipantConversation.reader()
        .setAddress(customer)
        .pageSize(1)
        .read(twilio.client())
        .forEach(byAddress::add);
    assertThat(byAddress)
        .extracting(ParticipantConversation::getConversationSid)
        .containsExactly(closed, open);
    assertThat(byAddress)
        .extracting(ParticipantConversation::getConversationState)
        .containsExactly(
            ParticipantConversation.State.CLOSED, ParticipantConversation.State.ACTIVE);
    assertThat(((Map<?, ?>) byAddress.get(0).getParticipantMessagingBinding()).get("address"))
        .isEqualTo(customer);

    List<String> byIdentity = new ArrayList<>();
    ParticipantConversation.reader()
        .setIdentity("carol")
        .read(twilio.client())
        .forEach(pc -> byIdentity.add(pc.getConversationSid()));
    assertThat(byIdentity).containsExactly(open);
  }

  @Test
  void aConversationWithParticipantsIsCreatedInOneCall() {
    String customer = EmulatedTwilio.newCustomer();
    ConversationWithParticipants c =
        ConversationWithParticipants.creator()
            .setFriendlyName("Support")
            .setParticipant(
                List.of(
                    "{\"messaging_binding\":{\"address\":\""
                        + customer
                        + "\",\"proxy_address\":\""
                        + SandboxNumbers.SMS
                        + "\"}}",
                    "{\"identity\":\"dave\"}"))
            .create(twilio.client());
    assertThat(c.getSid()).startsWith("CH");
    assertThat(c.getState()).isEqualTo(ConversationWithParticipants.State.ACTIVE);
    List<Participant> members = new ArrayList<>();
    Participant.reader(c.getSid()).read(twilio.client()).forEach(members::add);
    assertThat(members).extracting(Participant::getIdentity).containsExactly(null, "dave");
  }

  @Test
  void aConversationWithParticipantsWhoseBindingIsTakenFailsWith50425AndCreatesNothing() {
    String customer = EmulatedTwilio.newCustomer();
    String holder = newConversation();
    addSms(holder, customer);
    int before = twilio.world().conversations().list(null, null, null).size();
    assertThatThrownBy(
            () ->
                ConversationWithParticipants.creator()
                    .setParticipant(
                        "{\"messaging_binding\":{\"address\":\""
                            + customer
                            + "\",\"proxy_address\":\""
                            + SandboxNumbers.SMS
                            + "\"}}")
                    .create(twilio.client()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(409);
              assertThat(e.getCode()).isEqualTo(50425);
              assertThat(e.getMessage()).contains(holder);
            });
    assertThat(twilio.world().conversations().list(null, null, null)).hasSize(before);
  }

  @Test
  void aConversationWithParticipantsWithBrokenJsonFailsWith50424() {
    HttpResponse<String> r =
        twilio.twilio(
            "POST",
            "/conversations/v1/ConversationWithParticipants",
            "Participant",
            "{\"identity\":");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = EmulatedTwilio.json(r);
    assertThat(body.path("code").asInt()).isEqualTo(50424);
  }
}
