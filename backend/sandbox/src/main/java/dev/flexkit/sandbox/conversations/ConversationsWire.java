package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.TwilioTime;
import dev.flexkit.sandbox.wire.TwilioUrls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversations resources in Twilio's JSON: every field the spec declares, null when unknown. */
final class ConversationsWire {
  static final String PRODUCT = "conversations";

  private final SandboxAccount account;

  ConversationsWire(SandboxAccount account) {
    this.account = account;
  }

  static String conversationPath(String sid) {
    return "/v1/Conversations/" + sid;
  }

  Map<String, Object> conversation(Conversation c) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account_sid", account.accountSid());
    body.put("chat_service_sid", account.chatServiceSid());
    body.put("messaging_service_sid", account.messagingServiceSid());
    body.put("sid", c.sid());
    body.put("friendly_name", c.friendlyName());
    body.put("unique_name", c.uniqueName());
    body.put("attributes", c.attributes());
    body.put("state", c.state());
    body.put("date_created", TwilioTime.iso(c.dateCreated()));
    body.put("date_updated", TwilioTime.iso(c.dateUpdated()));
    body.put("timers", timers(c));
    String url = TwilioUrls.url(PRODUCT, conversationPath(c.sid()));
    body.put("url", url);
    Map<String, String> links = new LinkedHashMap<>();
    links.put("participants", url + "/Participants");
    links.put("messages", url + "/Messages");
    links.put("webhooks", url + "/Webhooks");
    body.put("links", links);
    body.put("bindings", Map.of());
    return body;
  }

  private static Map<String, Object> timers(Conversation c) {
    Map<String, Object> timers = new LinkedHashMap<>();
    if (c.dateInactive() != null) {
      timers.put("date_inactive", TwilioTime.iso(c.dateInactive()));
    }
    if (c.dateClosed() != null) {
      timers.put("date_closed", TwilioTime.iso(c.dateClosed()));
    }
    return timers;
  }

  Map<String, Object> participant(Participant p) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account_sid", account.accountSid());
    body.put("conversation_sid", p.conversationSid());
    body.put("sid", p.sid());
    body.put("identity", p.identity());
    body.put("attributes", p.attributes());
    body.put("messaging_binding", binding(p));
    body.put("role_sid", p.roleSid());
    body.put("date_created", TwilioTime.iso(p.dateCreated()));
    body.put("date_updated", TwilioTime.iso(p.dateUpdated()));
    body.put(
        "url",
        TwilioUrls.url(
            PRODUCT, conversationPath(p.conversationSid()) + "/Participants/" + p.sid()));
    body.put("last_read_message_index", p.lastReadMessageIndex());
    body.put("last_read_timestamp", p.lastReadTimestamp());
    return body;
  }

  private static Map<String, Object> binding(Participant p) {
    if (!p.isCustomer()) {
      return null;
    }
    Map<String, Object> binding = new LinkedHashMap<>();
    binding.put("type", p.bindingType());
    binding.put("address", p.address());
    binding.put("proxy_address", p.proxyAddress());
    return binding;
  }

  Map<String, Object> message(Message m) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account_sid", account.accountSid());
    body.put("conversation_sid", m.conversationSid());
    body.put("sid", m.sid());
    body.put("index", m.index());
    body.put("author", m.author());
    body.put("body", m.body());
    body.put("media", null);
    body.put("attributes", m.attributes());
    body.put("participant_sid", m.participantSid());
    body.put("date_created", TwilioTime.iso(m.dateCreated()));
    body.put("date_updated", TwilioTime.iso(m.dateUpdated()));
    String url =
        TwilioUrls.url(PRODUCT, conversationPath(m.conversationSid()) + "/Messages/" + m.sid());
    body.put("url", url);
    body.put("delivery", delivery(m.receipts()));
    body.put(
        "links",
        Map.of(
            "delivery_receipts", url + "/Receipts", "channel_metadata", url + "/ChannelMetadata"));
    body.put("content_sid", m.contentSid());
    return body;
  }

  /** Twilio summarises receipts per status as all, some or none; chat-only messages have none. */
  private static Map<String, Object> delivery(List<Message.Receipt> receipts) {
    if (receipts.isEmpty()) {
      return null;
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("total", receipts.size());
    for (String status : List.of("sent", "delivered", "read", "failed", "undelivered")) {
      summary.put(status, share(receipts, status));
    }
    return summary;
  }

  private static String share(List<Message.Receipt> receipts, String status) {
    // A delivered message has also been sent, as Twilio counts it.
    long n =
        receipts.stream()
            .filter(
                r ->
                    r.status().equals(status)
                        || ("sent".equals(status) && "delivered".equals(r.status())))
            .count();
    return n == 0 ? "none" : n == receipts.size() ? "all" : "some";
  }

  Map<String, Object> receipt(Message.Receipt r) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account_sid", account.accountSid());
    body.put("conversation_sid", r.conversationSid());
    body.put("sid", r.sid());
    body.put("message_sid", r.messageSid());
    body.put("channel_message_sid", r.channelMessageSid());
    body.put("participant_sid", r.participantSid());
    body.put("status", r.status());
    body.put("error_code", r.errorCode());
    body.put("date_created", TwilioTime.iso(r.dateCreated()));
    body.put("date_updated", TwilioTime.iso(r.dateUpdated()));
    body.put(
        "url",
        TwilioUrls.url(
            PRODUCT,
            conversationPath(r.conversationSid())
                + "/Messages/"
                + r.messageSid()
                + "/Receipts/"
                + r.sid()));
    return body;
  }

  Map<String, Object> webhook(ScopedWebhook h) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sid", h.sid());
    body.put("account_sid", account.accountSid());
    body.put("conversation_sid", h.conversationSid());
    body.put("target", h.target());
    body.put(
        "url",
        TwilioUrls.url(PRODUCT, conversationPath(h.conversationSid()) + "/Webhooks/" + h.sid()));
    Map<String, Object> configuration = new LinkedHashMap<>();
    if (h.url() != null) {
      configuration.put("url", h.url());
    }
    configuration.put("method", h.method());
    configuration.put("filters", h.filters());
    if (!h.triggers().isEmpty()) {
      configuration.put("triggers", h.triggers());
    }
    if (h.flowSid() != null) {
      configuration.put("flow_sid", h.flowSid());
    }
    if (h.replayAfter() != null) {
      configuration.put("replay_after", h.replayAfter());
    }
    body.put("configuration", configuration);
    body.put("date_created", TwilioTime.iso(h.dateCreated()));
    body.put("date_updated", TwilioTime.iso(h.dateUpdated()));
    return body;
  }

  Map<String, Object> serviceWebhooks(ServiceWebhooks w) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account_sid", account.accountSid());
    body.put("method", w.method());
    body.put("filters", w.filters());
    body.put("pre_webhook_url", w.preWebhookUrl());
    body.put("post_webhook_url", w.postWebhookUrl());
    body.put("target", w.target());
    body.put("url", TwilioUrls.url(PRODUCT, "/v1/Configuration/Webhooks"));
    return body;
  }

  Map<String, Object> scopedServiceWebhooks(ServiceWebhooks w) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account_sid", account.accountSid());
    body.put("chat_service_sid", account.chatServiceSid());
    body.put("pre_webhook_url", w.preWebhookUrl());
    body.put("post_webhook_url", w.postWebhookUrl());
    body.put("filters", w.filters());
    body.put("method", w.method());
    body.put(
        "url",
        TwilioUrls.url(
            PRODUCT, "/v1/Services/" + account.chatServiceSid() + "/Configuration/Webhooks"));
    return body;
  }

  Map<String, Object> membership(Conversations.Membership m) {
    Participant p = m.participant();
    Conversation c = m.conversation();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account_sid", account.accountSid());
    body.put("chat_service_sid", account.chatServiceSid());
    body.put("participant_sid", p.sid());
    body.put("participant_user_sid", null);
    body.put("participant_identity", p.identity());
    Map<String, Object> binding = binding(p);
    if (binding != null) {
      binding.put("level", null);
      binding.put("name", null);
      binding.put("projected_address", null);
    }
    body.put("participant_messaging_binding", binding);
    body.put("conversation_sid", c.sid());
    body.put("conversation_unique_name", c.uniqueName());
    body.put("conversation_friendly_name", c.friendlyName());
    body.put("conversation_attributes", c.attributes());
    body.put("conversation_date_created", TwilioTime.iso(c.dateCreated()));
    body.put("conversation_date_updated", TwilioTime.iso(c.dateUpdated()));
    body.put("conversation_created_by", "system");
    body.put("conversation_state", c.state());
    body.put("conversation_timers", timers(c));
    String url = TwilioUrls.url(PRODUCT, conversationPath(c.sid()));
    body.put("links", Map.of("participant", url + "/Participants/" + p.sid(), "conversation", url));
    return body;
  }
}
