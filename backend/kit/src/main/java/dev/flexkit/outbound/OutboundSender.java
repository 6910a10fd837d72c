package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.conversations.v1.ConversationWithParticipants;
import com.twilio.rest.conversations.v1.conversation.Message;
import com.twilio.rest.flexapi.v1.Interaction;
import com.twilio.rest.flexapi.v1.interaction.InteractionChannel;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.twilio.TaskAttributes;
import dev.flexkit.twilio.TwilioCallException;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.whatsapp.WhatsappWindows;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's outbound send, as its Twilio steps and their compensation:
 *
 * <ul>
 *   <li>open chat: (1) an agent-initiated interaction that creates the conversation with the
 *       customer and routes it to the agent, (2) the first message, with the closed timer set
 *       alongside it. If (2) fails the interaction channel is closed with its task, which closes
 *       the conversation.
 *   <li>wait for reply: (1) the conversation with the customer, its attributes and closed timer in
 *       one call, (2) the message. If (2) fails the conversation is deleted.
 * </ul>
 *
 * A failed step (1) created nothing; a failed compensation is logged as an orphan with its sid.
 */
public final class OutboundSender {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundSender.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Result(
      String conversationSid, String interactionSid, String messageSid, boolean reused) {}

  private final TwilioGateway twilio;
  private final FlexSettings flex;
  private final OutboundSettings settings;
  private final SentMessages sent;
  private final WhatsappWindows windows;
  private final OutboundConversations conversations;
  private final ExecutorService sideCalls;

  public OutboundSender(
      TwilioGateway twilio,
      FlexSettings flex,
      OutboundSettings settings,
      SentMessages sent,
      WhatsappWindows windows,
      OutboundConversations conversations,
      ExecutorService sideCalls) {
    this.twilio = twilio;
    this.flex = flex;
    this.settings = settings;
    this.sent = sent;
    this.windows = windows;
    this.conversations = conversations;
    this.sideCalls = sideCalls;
  }

  public Result send(FlexAgent agent, OutboundSend s) {
    if (s.channel() == OutboundSend.Channel.WHATSAPP && s.freeText()) {
      WhatsappWindows.Window w = windows.window(s.customerAddress(), s.senderAddress());
      if (!w.open()) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("lastInboundAt", w.lastInboundAt() == null ? null : w.lastInboundAt().toString());
        throw new Refusal(
            422,
            "whatsapp_window_closed",
            "The customer has not written in the last 24 hours: send an approved template (contentSid) instead",
            extra);
      }
    }
    try {
      return fresh(agent, s);
    } catch (TwilioCallException e) {
      Optional<String> existing = ConversationLookup.heldBy(e);
      if (existing.isEmpty()) {
        throw e;
      }
      return onExisting(agent, s, conversations.describe(existing.get()));
    }
  }

  private Result fresh(FlexAgent agent, OutboundSend s) {
    return s.mode() == OutboundSend.Mode.OPEN_CHAT
        ? openChat(agent, s, null)
        : waitForReply(agent, s);
  }

  private Result onExisting(FlexAgent agent, OutboundSend s, ExistingConversation existing) {
    switch (s.onExisting()) {
      case FAIL ->
          throw Refusal.conflict(
              "conversation_exists",
              "An active conversation with this customer already exists",
              existing);
      case CLOSE -> {
        if (existing.hasLiveTask()) {
          throw Refusal.conflict(
              "conversation_busy",
              "The existing conversation has a live task; it cannot be closed",
              existing);
        }
        conversations.close(existing.conversationSid());
        sent.delete(existing.conversationSid());
        try {
          return fresh(agent, s);
        } catch (TwilioCallException e) {
          if (ConversationLookup.heldBy(e).isPresent()) {
            throw Refusal.conflict(
                "conversation_exists",
                "Another conversation took this customer meanwhile",
                conversations.describe(ConversationLookup.heldBy(e).get()));
          }
          throw e;
        }
      }
      default -> {
        if (existing.hasLiveTask()) {
          throw Refusal.conflict(
              "conversation_busy", "The existing conversation has a live task", existing);
        }
        return s.mode() == OutboundSend.Mode.OPEN_CHAT
            ? openChat(agent, s, existing.conversationSid())
            : reuseForReply(agent, s, existing.conversationSid());
      }
    }
  }

  // ---- open chat ----

  private Result openChat(FlexAgent agent, OutboundSend s, String existingConversationSid) {
    Map<String, Object> channel = new LinkedHashMap<>();
    channel.put("type", s.channel().wire());
    channel.put("initiated_by", "agent");
    if (existingConversationSid == null) {
      channel.put(
          "participants",
          java.util.List.of(
              Map.of("address", s.customerAddress(), "proxy_address", s.senderAddress())));
    } else {
      channel.put("properties", Map.of("media_channel_sid", existingConversationSid));
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("workspace_sid", RoutingWorkspace.sid(flex));
    flex.workflowSid().ifPresent(w -> properties.put("workflow_sid", w));
    properties.put("queue_sid", settings.queueSid());
    properties.put("worker_sid", agent.workerSid());
    properties.put("task_channel_unique_name", s.channel().wire());
    properties.put("attributes", taskAttributes(agent, s, true));
    Interaction interaction =
        twilio.call(
            "create outbound interaction",
            c ->
                Interaction.creator(channel)
                    .setRouting(Map.of("properties", properties))
                    .create(c));
    JsonNode routing = JSON.valueToTree(interaction.getRouting()).path("properties");
    String conversationSid =
        existingConversationSid != null
            ? existingConversationSid
            : TaskAttributes.parse(routing.path("attributes")).path("conversationSid").asText(null);
    String channelSid = JSON.valueToTree(interaction.getChannel()).path("sid").asText(null);

    CompletableFuture<Void> timer =
        existingConversationSid != null
            ? CompletableFuture.completedFuture(null)
            : CompletableFuture.runAsync(
                () -> conversations.setClosedTimer(conversationSid), sideCalls);
    Message message;
    try {
      // Recorded before the message goes, so its delivery receipt finds the send however fast it
      // comes.
      sent.record(
          new SentMessages.Sent(
              conversationSid,
              agent.identity(),
              agent.workerSid(),
              "me",
              s.channel().wire(),
              s.customerAddress(),
              s.senderAddress(),
              s.customerName(),
              null,
              SentMessages.Status.OPENED,
              interaction.getSid(),
              null));
      message = postMessage(agent, s, conversationSid);
    } catch (RuntimeException e) {
      forget(conversationSid);
      timer.join();
      // Compensation: the channel closed with routing closed completes the task and closes the
      // conversation.
      try {
        twilio.call(
            "close interaction channel (compensation)",
            c ->
                InteractionChannel.updater(
                        interaction.getSid(),
                        channelSid,
                        InteractionChannel.UpdateChannelStatus.CLOSED)
                    .setRouting(Map.of("status", "closed"))
                    .update(c));
      } catch (RuntimeException undo) {
        LOG.error(
            "orphan: interaction {} on conversation {} could not be closed: {}",
            interaction.getSid(),
            conversationSid,
            undo.getMessage());
      }
      throw e;
    }
    noteMessage(conversationSid, message.getSid());
    timer.join();
    return new Result(
        conversationSid, interaction.getSid(), message.getSid(), existingConversationSid != null);
  }

  // ---- wait for reply ----

  private Result waitForReply(FlexAgent agent, OutboundSend s) {
    ObjectNode attributes = JSON.createObjectNode();
    mergeOutboundAttributes(attributes, agent, s);
    String participant =
        JSON.createObjectNode()
            .set(
                "messaging_binding",
                JSON.createObjectNode()
                    .put("address", s.customerAddress())
                    .put("proxy_address", s.senderAddress()))
            .toString();
    ConversationWithParticipants conversation =
        twilio.call(
            "create outbound conversation",
            c ->
                ConversationWithParticipants.creator()
                    .setFriendlyName("Outbound " + s.senderAddress() + " -> " + s.customerAddress())
                    .setAttributes(attributes.toString())
                    // Twilio refuses a timer without the state it counts from (50382).
                    .setState(ConversationWithParticipants.State.ACTIVE)
                    .setTimersClosed(settings.closedTimerIso())
                    .setParticipant(java.util.List.of(participant))
                    .create(c));
    String conversationSid = conversation.getSid();
    try {
      return sendAndAwaitReply(agent, s, conversationSid, false);
    } catch (RuntimeException e) {
      // Compensation: nothing was sent, so the conversation goes and the customer's binding is free
      // again.
      try {
        twilio.run(
            "delete conversation (compensation)",
            c -> Conversation.deleter(conversationSid).delete(c));
      } catch (RuntimeException undo) {
        LOG.error(
            "orphan: conversation {} could not be deleted: {}", conversationSid, undo.getMessage());
      }
      throw e;
    }
  }

  private Result reuseForReply(FlexAgent agent, OutboundSend s, String conversationSid) {
    Conversation current =
        twilio.call("fetch conversation", c -> Conversation.fetcher(conversationSid).fetch(c));
    ObjectNode attributes = TaskAttributes.parse(current.getAttributes());
    mergeOutboundAttributes(attributes, agent, s);
    twilio.call(
        "merge outbound attributes",
        c -> Conversation.updater(conversationSid).setAttributes(attributes.toString()).update(c));
    return sendAndAwaitReply(agent, s, conversationSid, true);
  }

  /** Recorded before the message goes, so a reply that beats our response still finds its route. */
  private Result sendAndAwaitReply(
      FlexAgent agent, OutboundSend s, String conversationSid, boolean reused) {
    sent.record(
        new SentMessages.Sent(
            conversationSid,
            agent.identity(),
            agent.workerSid(),
            s.routeTo().name().toLowerCase(),
            s.channel().wire(),
            s.customerAddress(),
            s.senderAddress(),
            s.customerName(),
            null,
            SentMessages.Status.WAITING,
            null,
            null));
    Message message;
    try {
      message = postMessage(agent, s, conversationSid);
    } catch (RuntimeException e) {
      sent.delete(conversationSid);
      throw e;
    }
    noteMessage(conversationSid, message.getSid());
    return new Result(conversationSid, null, message.getSid(), reused);
  }

  /**
   * The message went out: a store hiccup now must not turn the send into a failure (and a retry
   * into a duplicate).
   */
  private void noteMessage(String conversationSid, String messageSid) {
    try {
      sent.messageSent(conversationSid, messageSid);
    } catch (RuntimeException e) {
      LOG.warn(
          "send on {} cannot track its first message's delivery: {}",
          conversationSid,
          e.getMessage());
    }
  }

  private void forget(String conversationSid) {
    try {
      sent.delete(conversationSid);
    } catch (RuntimeException e) {
      LOG.warn("send on {} stays listed after its failure: {}", conversationSid, e.getMessage());
    }
  }

  /**
   * Known-agent flags for Studio-based routing; an earlier send's flags are replaced, other keys
   * kept.
   */
  private static void mergeOutboundAttributes(
      ObjectNode attributes, FlexAgent agent, OutboundSend s) {
    attributes.remove("KnownAgentRoutingFlag");
    attributes.remove("KnownAgentWorkerSid");
    if (s.routeTo() == OutboundSend.RouteTo.ME) {
      attributes.put("KnownAgentRoutingFlag", true);
      attributes.put("KnownAgentWorkerSid", agent.workerSid());
    }
    attributes.put("outboundSentBy", agent.identity());
    attributes.put("customerName", s.customerName());
  }

  // ---- shared ----

  private Message postMessage(FlexAgent agent, OutboundSend s, String conversationSid) {
    return twilio.call(
        "send first message",
        c -> {
          var creator = Message.creator(conversationSid).setAuthor(agent.identity());
          if (s.freeText()) {
            creator.setBody(s.body());
          } else {
            creator.setContentSid(s.contentSid());
            if (!s.contentVariables().isEmpty()) {
              creator.setContentVariables(JSON.valueToTree(s.contentVariables()).toString());
            }
          }
          return creator.create(c);
        });
  }

  private static Map<String, Object> taskAttributes(
      FlexAgent agent, OutboundSend s, boolean autoAnswer) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("from", s.customerAddress());
    a.put("name", s.customerName());
    a.put("customerName", s.customerName());
    a.put("customerAddress", s.customerAddress());
    a.put("twilioNumber", s.senderAddress());
    a.put("channelType", s.channel().wire());
    a.put("direction", "outbound");
    a.put("autoAnswer", autoAnswer);
    a.put("outboundSentBy", agent.identity());
    return a;
  }
}
