package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.conversations.v1.conversation.Message;
import com.twilio.rest.flexapi.v1.Interaction;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.outbound.OutboundSender.Result;
import dev.flexkit.web.ObjectMappers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Open chat on a conversation that holds the customer ({@link CustomerConversations}): (1) an
 * agent-initiated interaction on it routes it to the agent, (2) the first message. The interaction
 * is set up after Twilio answers (R28), so it is given the conversation rather than asked to make
 * one. If (1) fails a conversation made for this send is deleted; if (2) fails the interaction
 * channel is closed with its task, which closes the conversation.
 */
final class OpenChatSend {
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  private final FlexSettings flex;
  private final OutboundSettings settings;
  private final SentMessages sent;
  private final OutboundConversations conversations;
  private final CustomerConversations customers;
  private final FirstMessage firstMessage;

  OpenChatSend(
      FlexSettings flex,
      OutboundSettings settings,
      SentMessages sent,
      OutboundConversations conversations,
      CustomerConversations customers,
      FirstMessage firstMessage) {
    this.flex = flex;
    this.settings = settings;
    this.sent = sent;
    this.conversations = conversations;
    this.customers = customers;
    this.firstMessage = firstMessage;
  }

  Result send(FlexAgent agent, OutboundSend s, String conversationSid, boolean reused) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("workspace_sid", RoutingWorkspace.sid(flex));
    flex.workflowSid().ifPresent(w -> properties.put("workflow_sid", w));
    properties.put("queue_sid", settings.queueSid());
    properties.put("worker_sid", agent.workerSid());
    properties.put("task_channel_unique_name", settings.taskChannel(s.channel()));
    properties.put("attributes", taskAttributes(agent, s, true));
    Interaction interaction =
        customers.interactionOn(
            "create outbound interaction",
            conversationSid,
            !reused,
            s.channel().wire(),
            "agent",
            properties);
    String channelSid = JSON.valueToTree(interaction.getChannel()).path("sid").asText(null);
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
      conversations.closeInteractionChannel(interaction.getSid(), channelSid, conversationSid);
      throw e;
    }
    firstMessage.noted(conversationSid, message.getSid());
    return new Result(conversationSid, interaction.getSid(), message.getSid(), reused);
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
