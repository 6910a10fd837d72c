package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.conversations.v1.conversation.Message;
import com.twilio.rest.flexapi.v1.Interaction;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.outbound.OutboundSender.Result;
import dev.flexkit.twilio.TaskAttributes;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Open chat: (1) an agent-initiated interaction creates the conversation with the customer (or
 * takes the existing one) and routes it to the agent, (2) the first message, with the closed timer
 * set alongside it. If (2) fails the interaction channel is closed with its task, which closes the
 * conversation.
 */
final class OpenChatSend {
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  private final TwilioGateway twilio;
  private final FlexSettings flex;
  private final OutboundSettings settings;
  private final SentMessages sent;
  private final OutboundConversations conversations;
  private final FirstMessage firstMessage;
  private final ExecutorService sideCalls;

  OpenChatSend(
      TwilioGateway twilio,
      FlexSettings flex,
      OutboundSettings settings,
      SentMessages sent,
      OutboundConversations conversations,
      FirstMessage firstMessage,
      ExecutorService sideCalls) {
    this.twilio = twilio;
    this.flex = flex;
    this.settings = settings;
    this.sent = sent;
    this.conversations = conversations;
    this.firstMessage = firstMessage;
    this.sideCalls = sideCalls;
  }

  Result send(FlexAgent agent, OutboundSend s, String existingConversationSid) {
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
      message = firstMessage.post(agent, s, conversationSid);
    } catch (RuntimeException e) {
      firstMessage.forget(conversationSid);
      timer.join();
      conversations.closeInteractionChannel(interaction.getSid(), channelSid, conversationSid);
      throw e;
    }
    firstMessage.noted(conversationSid, message.getSid());
    timer.join();
    return new Result(
        conversationSid, interaction.getSid(), message.getSid(), existingConversationSid != null);
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
