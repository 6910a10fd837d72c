package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.webhooks.WebhookDispatcher;
import dev.flexkit.sandbox.wire.TwilioTime;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Post-event webhooks with Twilio's form fields: to each conversation-scoped webhook whose filters
 * name the event, and to the service's post-event URL when its filters do. R19: a service whose own
 * webhook configuration has a post-event URL is heard there only, and the account-wide
 * configuration is not used for it (every sandbox conversation is in the one Flex service).
 */
final class ConversationWebhooks {
  static final String MESSAGE_ADDED = "onMessageAdded";
  static final String MESSAGE_UPDATED = "onMessageUpdated";
  static final String MESSAGE_REMOVED = "onMessageRemoved";
  static final String CONVERSATION_ADDED = "onConversationAdded";
  static final String CONVERSATION_UPDATED = "onConversationUpdated";
  static final String CONVERSATION_REMOVED = "onConversationRemoved";
  static final String STATE_UPDATED = "onConversationStateUpdated";
  static final String PARTICIPANT_ADDED = "onParticipantAdded";
  static final String PARTICIPANT_UPDATED = "onParticipantUpdated";
  static final String PARTICIPANT_REMOVED = "onParticipantRemoved";
  static final String DELIVERY_UPDATED = "onDeliveryUpdated";

  private final SandboxAccount account;
  private final WebhookDispatcher dispatcher;
  private volatile ServiceWebhooks service = ServiceWebhooks.none();
  private volatile ServiceWebhooks flexService = ServiceWebhooks.none();

  ConversationWebhooks(SandboxAccount account, WebhookDispatcher dispatcher) {
    this.account = account;
    this.dispatcher = dispatcher;
  }

  ServiceWebhooks service() {
    return service;
  }

  void configure(ServiceWebhooks configuration) {
    this.service = configuration;
  }

  /** The Flex Conversations service's own configuration (service-scoped). */
  ServiceWebhooks flexService() {
    return flexService;
  }

  void configureFlexService(ServiceWebhooks configuration) {
    this.flexService = configuration;
  }

  void fire(
      String eventType,
      Origin origin,
      Collection<ScopedWebhook> scoped,
      Map<String, String> fields) {
    if (!origin.firesWebhooks()) {
      return;
    }
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("AccountSid", account.accountSid());
    payload.put("EventType", eventType);
    payload.put("Source", origin.source());
    payload.put("RetryCount", "0");
    payload.put("ChatServiceSid", account.chatServiceSid());
    payload.put("MessagingServiceSid", account.messagingServiceSid());
    payload.putAll(fields);
    for (ScopedWebhook hook : scoped) {
      if (hook.listensTo(eventType)) {
        Map<String, String> own = new LinkedHashMap<>(payload);
        own.put("WebhookSid", hook.sid());
        own.put("WebhookType", hook.target());
        dispatcher.postSingle(hook.url(), own);
      }
    }
    ServiceWebhooks current = flexService.hasPostWebhookUrl() ? flexService : service;
    if (current.listensTo(eventType)) {
      dispatcher.postSingle(current.postWebhookUrl(), payload);
    }
  }

  static Map<String, String> conversation(Conversation c) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("ConversationSid", c.sid());
    f.put("FriendlyName", c.friendlyName());
    f.put("UniqueName", c.uniqueName());
    f.put("Attributes", c.attributes());
    f.put("State", c.state());
    f.put("DateCreated", TwilioTime.isoMillis(c.dateCreated()));
    f.put("DateUpdated", TwilioTime.isoMillis(c.dateUpdated()));
    return f;
  }

  static Map<String, String> stateUpdated(
      Conversation c, String from, String to, String reason, Instant at) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("ConversationSid", c.sid());
    f.put("StateFrom", from);
    f.put("StateTo", to);
    f.put("Reason", reason);
    f.put("StateUpdated", TwilioTime.isoMillis(at));
    return f;
  }

  static Map<String, String> participant(Participant p) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("ConversationSid", p.conversationSid());
    f.put("ParticipantSid", p.sid());
    f.put("DateCreated", TwilioTime.isoMillis(p.dateCreated()));
    f.put("DateUpdated", TwilioTime.isoMillis(p.dateUpdated()));
    f.put("Identity", p.identity());
    f.put("RoleSid", p.roleSid());
    f.put("Attributes", p.attributes());
    if (p.isCustomer()) {
      // R25 (CWH): webhooks name the binding type in capitals, unlike the REST resource.
      f.put("MessagingBinding.Type", p.bindingType().toUpperCase(Locale.ROOT));
      f.put("MessagingBinding.Address", p.address());
      f.put("MessagingBinding.ProxyAddress", p.proxyAddress());
    }
    return f;
  }

  static Map<String, String> message(Message m) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("ConversationSid", m.conversationSid());
    f.put("MessageSid", m.sid());
    f.put("Index", String.valueOf(m.index()));
    f.put("DateCreated", TwilioTime.isoMillis(m.dateCreated()));
    f.put("Body", m.body());
    f.put("Author", m.author());
    f.put("ParticipantSid", m.participantSid());
    f.put("Attributes", m.attributes());
    f.put("ContentSid", m.contentSid());
    // R23: Media is a JSON string of the attached media, sent only when there are some; sandbox
    // messages never carry media (MediaSid is not emulated, customers text), so it never appears.
    return f;
  }

  static Map<String, String> delivery(Message m, Message.Receipt r) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("ConversationSid", m.conversationSid());
    f.put("MessageSid", m.sid());
    f.put("DeliveryReceiptSid", r.sid());
    f.put("ChannelMessageSid", r.channelMessageSid());
    f.put("ParticipantSid", r.participantSid());
    f.put("Status", r.status());
    f.put("ErrorCode", String.valueOf(r.errorCode()));
    f.put("DateCreated", TwilioTime.isoMillis(r.dateCreated()));
    f.put("DateUpdated", TwilioTime.isoMillis(r.dateUpdated()));
    return f;
  }
}
