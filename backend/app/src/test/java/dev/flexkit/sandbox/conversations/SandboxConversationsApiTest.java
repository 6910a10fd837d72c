package dev.flexkit.sandbox.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.rest.conversations.v1.conversation.Participant;
import dev.flexkit.sandbox.phone.SandboxNumbers;
import dev.flexkit.sandbox.wire.TwilioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What Flex, inside the sandbox, does to conversations through {@link ConversationsApi}. */
class SandboxConversationsApiTest {
  @RegisterExtension static final EmulatedTwilio twilio = new EmulatedTwilio();
  private static ConversationsApi api;

  @BeforeAll
  static void start() {
    api = twilio.world().conversations();
  }

  @Test
  void flexCreatesAConversationForACustomerAndTheBindingRuleStillHolds() {
    String customer = EmulatedTwilio.newCustomer();
    ConversationsApi.CustomerBinding binding =
        new ConversationsApi.CustomerBinding(customer, SandboxNumbers.SMS);
    String sid = api.createConversation("Outbound", Map.of("origin", "agent"), List.of(binding));
    assertThat(api.state(sid)).contains("active");
    assertThat(api.customers(sid)).containsExactly(binding);
    assertThat(twilio.world().conversations().get(sid).attributes())
        .isEqualTo("{\"origin\":\"agent\"}");

    assertThatThrownBy(() -> api.createConversation("Again", Map.of(), List.of(binding)))
        .isInstanceOfSatisfying(
            TwilioException.class,
            e -> {
              assertThat(e.code()).isEqualTo(50416);
              assertThat(e.getMessage()).endsWith(sid);
            });
  }

  @Test
  void agentsJoinWithTheDefaultGuestRoleOnceAndLeave() {
    String sid = api.createConversation("Chat", Map.of(), List.of());
    api.addAgent(sid, "alice_40example_2Ecom");
    api.addAgent(sid, "alice_40example_2Ecom");
    assertThat(api.identities(sid)).containsExactly("alice_40example_2Ecom");
    List<Participant> members = new ArrayList<>();
    Participant.reader(sid).read(twilio.client()).forEach(members::add);
    assertThat(members)
        .extracting(Participant::getRoleSid)
        .containsExactly(Conversations.GUEST_ROLE); // R57

    api.removeAgent(sid, "alice_40example_2Ecom");
    api.removeAgent(sid, "alice_40example_2Ecom");
    assertThat(api.identities(sid)).isEmpty();
  }

  @Test
  void stateChangesAreHeardWithTheGivenReasonAndClosedIsFinal() {
    List<String> heard = new ArrayList<>();
    api.addListener(
        new ConversationEvents() {
          @Override
          public void stateChanged(String conversationSid, String from, String to, String reason) {
            heard.add(conversationSid + " " + from + ">" + to + " " + reason);
          }
        });
    String sid = api.createConversation("Chat", Map.of(), List.of());
    api.setState(sid, "inactive", "API");
    api.setState(sid, "closed", "API");
    assertThat(heard).containsExactly(sid + " active>inactive API", sid + " inactive>closed API");
    assertThatThrownBy(() -> api.setState(sid, "active", "API"))
        .isInstanceOfSatisfying(TwilioException.class, e -> assertThat(e.code()).isEqualTo(50377));
    assertThat(api.state("CH" + "0".repeat(32))).isEmpty();
  }
}
