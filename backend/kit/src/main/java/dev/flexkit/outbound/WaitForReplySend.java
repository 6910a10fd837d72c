package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.conversations.v1.conversation.Message;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.outbound.OutboundSender.Result;
import dev.flexkit.twilio.TaskAttributes;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;

/**
 * Wait for reply on a conversation that holds the customer ({@link CustomerConversations}, which
 * writes the known-agent attributes at once: {@link #attributes}): the message, and on a reused
 * conversation first its attributes merged. If the message fails, a conversation made for this send
 * is deleted. The customer's reply is routed by {@code CustomerReplies}.
 */
final class WaitForReplySend {
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  private final TwilioGateway twilio;
  private final SentMessages sent;
  private final CustomerConversations customers;
  private final FirstMessage firstMessage;

  WaitForReplySend(
      TwilioGateway twilio,
      SentMessages sent,
      CustomerConversations customers,
      FirstMessage firstMessage) {
    this.twilio = twilio;
    this.sent = sent;
    this.customers = customers;
    this.firstMessage = firstMessage;
  }

  /** The attributes a conversation made for this send is created with. */
  static String attributes(FlexAgent agent, OutboundSend s) {
    ObjectNode attributes = JSON.createObjectNode();
    mergeOutboundAttributes(attributes, agent, s);
    return attributes.toString();
  }

  Result send(FlexAgent agent, OutboundSend s, String createdConversationSid) {
    try {
      return sendAndAwaitReply(agent, s, createdConversationSid, false);
    } catch (RuntimeException e) {
      customers.delete(createdConversationSid);
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
