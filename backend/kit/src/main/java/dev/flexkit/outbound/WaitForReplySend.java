package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.conversations.v1.ConversationWithParticipants;
import com.twilio.rest.conversations.v1.conversation.Message;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.outbound.OutboundSender.Result;
import dev.flexkit.twilio.TaskAttributes;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wait for reply: (1) the conversation with the customer, its attributes and closed timer in one
 * call (or the existing one, its attributes merged), (2) the message. If (2) fails a conversation
 * created for it is deleted. The customer's reply is routed by {@code CustomerReplies}.
 */
final class WaitForReplySend {
  private static final Logger LOG = LoggerFactory.getLogger(WaitForReplySend.class);
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  private final TwilioGateway twilio;
  private final OutboundSettings settings;
  private final SentMessages sent;
  private final FirstMessage firstMessage;

  WaitForReplySend(
      TwilioGateway twilio,
      OutboundSettings settings,
      SentMessages sent,
      FirstMessage firstMessage) {
    this.twilio = twilio;
    this.settings = settings;
    this.sent = sent;
    this.firstMessage = firstMessage;
  }

  Result send(FlexAgent agent, OutboundSend s) {
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

  Result reuse(FlexAgent agent, OutboundSend s, String conversationSid) {
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
      message = firstMessage.post(agent, s, conversationSid);
    } catch (RuntimeException e) {
      sent.delete(conversationSid);
      throw e;
    }
    firstMessage.noted(conversationSid, message.getSid());
    return new Result(conversationSid, null, message.getSid(), reused);
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
}
