package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.flexapi.v1.Interaction;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import dev.flexkit.webhooks.ConversationEvent;
import dev.flexkit.whatsapp.WhatsappWindows;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a customer's message means to outbound: it (re)opens their WhatsApp window, and when it
 * answers a "wait for reply" send it becomes a task, routed to the sender or to anyone. This is
 * what the reference left to a Studio flow.
 */
public final class CustomerReplies {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerReplies.class);
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  private final TwilioGateway twilio;
  private final FlexSettings flex;
  private final OutboundSettings settings;
  private final Supplier<Optional<String>> knownAgentWorkflow;
  private final SentMessages sent;
  private final WhatsappWindows windows;
  private final ConversationLookup lookup;
  private final Clock clock;

  public CustomerReplies(
      TwilioGateway twilio,
      FlexSettings flex,
      OutboundSettings settings,
      Supplier<Optional<String>> knownAgentWorkflow,
      SentMessages sent,
      WhatsappWindows windows,
      OutboundConversations conversations,
      Clock clock) {
    this.twilio = twilio;
    this.flex = flex;
    this.settings = settings;
    this.knownAgentWorkflow = knownAgentWorkflow;
    this.sent = sent;
    this.windows = windows;
    this.lookup = conversations.lookup();
    this.clock = clock;
  }

  public void onEvent(ConversationEvent event) {
    if (!"onMessageAdded".equals(event.eventType())
        || event.conversationSid().isEmpty()
        || event.author().isEmpty()) {
      return;
    }
    String conversationSid = event.conversationSid().get();
    String author = event.author().get();
    if (!author.startsWith("+") && !author.startsWith("whatsapp:")) {
      return; // agents and the system write with identities
    }
    Optional<SentMessages.Sent> send = sent.find(conversationSid);
    if (author.startsWith("whatsapp:")) {
      Optional<String> sender =
          send.map(SentMessages.Sent::senderAddress)
              .filter(x -> author.equals(send.get().customerAddress()))
              .or(() -> lookup.proxyAddressOf(conversationSid, author));
      sender.ifPresent(s -> windows.inbound(author, s, at(event)));
    }
    send.filter(
            s -> s.status() == SentMessages.Status.WAITING && s.customerAddress().equals(author))
        .filter(s -> sent.claimReply(conversationSid))
        .ifPresent(this::route);
  }

  private Instant at(ConversationEvent event) {
    try {
      return event.get("DateCreated").map(Instant::parse).orElseGet(clock::instant);
    } catch (RuntimeException e) {
      return clock.instant();
    }
  }

  private void route(SentMessages.Sent s) {
    boolean toSender = "me".equals(s.routeTo());
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("from", s.customerAddress());
    attributes.put("name", s.customerName());
    attributes.put("customerName", s.customerName());
    attributes.put("customerAddress", s.customerAddress());
    attributes.put("twilioNumber", s.senderAddress());
    attributes.put("outboundSentBy", s.agentIdentity());
    attributes.put("channelType", s.channel());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("workspace_sid", RoutingWorkspace.sid(flex));
    properties.put("task_channel_unique_name", settings.taskChannel(s.channel()));
    Optional<String> workflow = flex.workflowSid();
    if (toSender) {
      attributes.put("KnownAgentRoutingFlag", true);
      attributes.put("KnownAgentWorkerSid", s.workerSid());
      Optional<String> toSenderFirst = knownAgentWorkflow.get();
      if (toSenderFirst.isPresent()) {
        workflow = toSenderFirst;
      } else {
        properties.put("queue_sid", settings.queueSid());
        properties.put("worker_sid", s.workerSid());
      }
    }
    // Required once the workspace has more than one workflow (R29).
    workflow.ifPresent(w -> properties.put("workflow_sid", w));
    properties.put("attributes", attributes);
    Map<String, Object> channel =
        Map.of(
            "type",
            s.channel(),
            "initiated_by",
            "customer",
            "properties",
            Map.of("media_channel_sid", s.conversationSid()));
    try {
      Interaction i =
          twilio.call(
              "route customer reply",
              c ->
                  Interaction.creator(channel)
                      .setRouting(Map.of("properties", properties))
                      .create(c));
      sent.transition(
          s.conversationSid(),
          SentMessages.Status.ROUTING,
          SentMessages.Status.REPLIED,
          i.getSid());
      LOG.info(
          "reply on {} routed to {} as interaction {}",
          s.conversationSid(),
          toSender ? s.agentIdentity() : "anyone",
          i.getSid());
    } catch (RuntimeException e) {
      // Give the claim back: the customer's next message (or Twilio's webhook retry) routes it.
      sent.transition(
          s.conversationSid(), SentMessages.Status.ROUTING, SentMessages.Status.WAITING, null);
      throw e;
    }
  }
}
