package dev.flexkit.sandbox.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.conversations.v1.conversation.Message;
import com.twilio.rest.conversations.v1.conversation.Participant;
import com.twilio.rest.conversations.v1.conversation.Webhook;
import dev.flexkit.sandbox.phone.SandboxNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Post-event webhooks: who gets them, when, with which fields, signed as Twilio signs them. */
class ConversationWebhooksTest {
  @RegisterExtension static final EmulatedTwilio twilio = new EmulatedTwilio();
  private static WebhookReceiver receiver;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    receiver = new WebhookReceiver();
    token = twilio.world().account().authToken();
  }

  @AfterAll
  static void stop() throws Exception {
    receiver.close();
  }

  private static void settle() {
    twilio.world().awaitSettled(Duration.ofSeconds(10));
  }

  private static String conversationHookedTo(String path, String... filters) {
    String sid = Conversation.creator().create(twilio.client()).getSid();
    Webhook.creator(sid, Webhook.Target.WEBHOOK)
        .setConfigurationUrl(receiver.url(path))
        .setConfigurationMethod(Webhook.Method.POST)
        .setConfigurationFilters(List.of(filters))
        .create(twilio.client());
    return sid;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> configuration(Webhook hook) {
    return (Map<String, Object>) hook.getConfiguration();
  }

  @Test
  void scopedWebhooksCanBeCreatedFetchedUpdatedListedAndDeleted() {
    String sid = Conversation.creator().create(twilio.client()).getSid();
    Webhook hook =
        Webhook.creator(sid, Webhook.Target.WEBHOOK)
            .setConfigurationUrl("https://example.com/hook")
            .setConfigurationMethod(Webhook.Method.POST)
            .setConfigurationFilters(List.of("onMessageAdded"))
            .create(twilio.client());
    assertThat(hook.getSid()).matches("WH[0-9a-f]{32}");
    assertThat(hook.getTarget()).isEqualTo("webhook");
    assertThat(configuration(hook))
        .containsEntry("url", "https://example.com/hook")
        .containsEntry("method", "post")
        .containsEntry("filters", List.of("onMessageAdded"));

    Webhook studio =
        Webhook.creator(sid, Webhook.Target.STUDIO)
            .setConfigurationFlowSid("FW" + "1".repeat(32))
            .setConfigurationReplayAfter(0)
            .create(twilio.client());
    assertThat(configuration(studio)).containsEntry("flow_sid", "FW" + "1".repeat(32));

    Webhook updated =
        Webhook.updater(sid, hook.getSid())
            .setConfigurationFilters(List.of("onMessageAdded", "onParticipantAdded"))
            .update(twilio.client());
    assertThat(configuration(updated))
        .containsEntry("filters", List.of("onMessageAdded", "onParticipantAdded"));
    assertThat(Webhook.fetcher(sid, hook.getSid()).fetch(twilio.client()).getSid())
        .isEqualTo(hook.getSid());

    List<String> listed = new ArrayList<>();
    Webhook.reader(sid).pageSize(1).read(twilio.client()).forEach(w -> listed.add(w.getSid()));
    assertThat(listed).containsExactly(hook.getSid(), studio.getSid());

    assertThat(Webhook.deleter(sid, studio.getSid()).delete(twilio.client())).isTrue();
    assertThat(twilio.world().conversations().webhooks(sid)).hasSize(1);
  }

  @Test
  void restMessagesFireWebhooksOnlyWithTheWebhookEnabledHeader() {
    String sid = conversationHookedTo("/header", "onMessageAdded");
    Message.creator(sid).setBody("quiet").create(twilio.client());
    Message loud =
        Message.creator(sid)
            .setAuthor("alice")
            .setBody("loud")
            .setXTwilioWebhookEnabled(Message.WebhookEnabledType.TRUE)
            .create(twilio.client());
    settle();

    List<WebhookReceiver.Hook> hooks = receiver.at("/header");
    assertThat(hooks).hasSize(1);
    Map<String, String> p = hooks.get(0).params();
    assertThat(p)
        .containsEntry("EventType", "onMessageAdded")
        .containsEntry("ConversationSid", sid)
        .containsEntry("MessageSid", loud.getSid())
        .containsEntry("Body", "loud")
        .containsEntry("Author", "alice")
        .containsEntry("Index", "1")
        .containsEntry("Source", "API")
        .containsEntry("RetryCount", "0")
        .containsEntry("Attributes", "{}")
        .containsEntry("AccountSid", twilio.world().account().accountSid())
        .containsKeys("ChatServiceSid", "MessagingServiceSid", "WebhookSid", "DateCreated");
    assertThat(p.get("DateCreated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(hooks.get(0).signedWith(token)).isTrue();
    assertThat(hooks.get(0).signedWith("someone-elses-token")).isFalse();
  }

  @Test
  void filtersDecideWhichEventsAConversationWebhookHears() {
    String sid = conversationHookedTo("/filters", "onParticipantAdded", "onParticipantRemoved");
    Participant p =
        Participant.creator(sid)
            .setIdentity("erin")
            .setXTwilioWebhookEnabled(Participant.WebhookEnabledType.TRUE)
            .create(twilio.client());
    Message.creator(sid)
        .setBody("not heard")
        .setXTwilioWebhookEnabled(Message.WebhookEnabledType.TRUE)
        .create(twilio.client());
    Participant.deleter(sid, p.getSid())
        .setXTwilioWebhookEnabled(Participant.WebhookEnabledType.TRUE)
        .delete(twilio.client());
    settle();

    assertThat(receiver.at("/filters"))
        .extracting(WebhookReceiver.Hook::event)
        .containsExactly("onParticipantAdded", "onParticipantRemoved");
    Map<String, String> added = receiver.events("/filters", "onParticipantAdded").get(0).params();
    assertThat(added)
        .containsEntry("ParticipantSid", p.getSid())
        .containsEntry("Identity", "erin")
        .containsEntry("ConversationSid", sid);
  }

  @Test
  void aCustomerReplyAlwaysFiresWithTheChannelAsSource() {
    String customer = EmulatedTwilio.newCustomer();
    String sid = conversationHookedTo("/reply", "onMessageAdded");
    Participant p =
        Participant.creator(sid)
            .setMessagingBindingAddress(customer)
            .setMessagingBindingProxyAddress(SandboxNumbers.SMS)
            .create(twilio.client());
    twilio.customerSends(customer, SandboxNumbers.SMS, "Where is my order?");
    settle();

    List<WebhookReceiver.Hook> hooks = receiver.events("/reply", "onMessageAdded");
    assertThat(hooks).hasSize(1);
    assertThat(hooks.get(0).params())
        .containsEntry("Source", "SMS")
        .containsEntry("Author", customer)
        .containsEntry("ParticipantSid", p.getSid())
        .containsEntry("Body", "Where is my order?");
    assertThat(hooks.get(0).signedWith(token)).isTrue();
  }

  @Test
  void aTimerFiresTheStateWebhookWithReasonTimer() {
    String sid = conversationHookedTo("/timer", "onConversationStateUpdated");
    Conversation.updater(sid).setTimersInactive("PT5M").update(twilio.client());
    twilio.world().clock().advance(Duration.ofMinutes(6));
    settle();

    List<WebhookReceiver.Hook> hooks = receiver.events("/timer", "onConversationStateUpdated");
    assertThat(hooks).hasSize(1);
    assertThat(hooks.get(0).params())
        .containsEntry("StateFrom", "active")
        .containsEntry("StateTo", "inactive")
        .containsEntry("Reason", "TIMER")
        .containsEntry("ConversationSid", sid)
        .containsKey("StateUpdated");
  }

  @Test
  void aWhatsAppFailureOutsideTheWindowIsReportedAsDeliveryUpdated63016() {
    String customer = "whatsapp:" + EmulatedTwilio.newCustomer();
    String sid = conversationHookedTo("/delivery", "onDeliveryUpdated");
    Participant.creator(sid)
        .setMessagingBindingAddress(customer)
        .setMessagingBindingProxyAddress(SandboxNumbers.WHATSAPP)
        .create(twilio.client());
    Message m = Message.creator(sid).setBody("free-form").create(twilio.client());
    settle();

    List<WebhookReceiver.Hook> hooks = receiver.events("/delivery", "onDeliveryUpdated");
    assertThat(hooks).hasSize(1);
    assertThat(hooks.get(0).params())
        .containsEntry("MessageSid", m.getSid())
        .containsEntry("Status", "failed")
        .containsEntry("ErrorCode", "63016");
  }

  @Test
  void theServiceLevelPostWebhookHearsTheEventsInItsFilters() {
    com.twilio.rest.conversations.v1.configuration.Webhook config =
        com.twilio.rest.conversations.v1.configuration.Webhook.updater()
            .setPostWebhookUrl(receiver.url("/service"))
            .setPreWebhookUrl(receiver.url("/pre"))
            .setFilters(List.of("onConversationRemoved", "onMessageAdded"))
            .setMethod("POST")
            .update(twilio.client());
    try {
      assertThat(config.getPostWebhookUrl()).isEqualTo(receiver.url("/service"));
      assertThat(config.getFilters()).containsExactly("onConversationRemoved", "onMessageAdded");
      assertThat(
              com.twilio.rest.conversations.v1.configuration.Webhook.fetcher()
                  .fetch(twilio.client())
                  .getPreWebhookUrl())
          .isEqualTo(receiver.url("/pre"));

      String sid = Conversation.creator().create(twilio.client()).getSid();
      Conversation.deleter(sid)
          .setXTwilioWebhookEnabled(Conversation.WebhookEnabledType.TRUE)
          .delete(twilio.client());
      settle();
      List<WebhookReceiver.Hook> removed = receiver.events("/service", "onConversationRemoved");
      assertThat(removed).extracting(h -> h.params().get("ConversationSid")).containsExactly(sid);
      assertThat(removed.get(0).params()).doesNotContainKey("WebhookSid");
      assertThat(removed.get(0).signedWith(token)).isTrue();
    } finally {
      com.twilio.rest.conversations.v1.configuration.Webhook.updater()
          .setPostWebhookUrl("")
          .setFilters(List.of())
          .update(twilio.client());
    }
  }

  @Test
  void listenersInsideTheSandboxHearEveryMessageAndStateChange() {
    List<String> heard = new ArrayList<>();
    twilio
        .world()
        .conversations()
        .addListener(
            new ConversationEvents() {
              @Override
              public void messageAdded(
                  String conversationSid, String messageSid, String author, boolean fromCustomer) {
                heard.add("message " + author + " " + fromCustomer);
              }

              @Override
              public void stateChanged(
                  String conversationSid, String from, String to, String reason) {
                heard.add("state " + from + ">" + to + " " + reason);
              }
            });
    String customer = EmulatedTwilio.newCustomer();
    String sid = Conversation.creator().create(twilio.client()).getSid();
    Participant.creator(sid)
        .setMessagingBindingAddress(customer)
        .setMessagingBindingProxyAddress(SandboxNumbers.SMS)
        .create(twilio.client());
    Message.creator(sid).setAuthor("bob").setBody("hi").create(twilio.client());
    twilio.customerSends(customer, SandboxNumbers.SMS, "hello");
    Conversation.updater(sid).setState(Conversation.State.CLOSED).update(twilio.client());
    assertThat(heard)
        .containsExactly(
            "message bob false", "message " + customer + " true", "state active>closed API");
  }
}
