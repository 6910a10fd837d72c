package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.conversations.v1.conversation.Message;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A send's first message, and its entry on the agent's sent list around it. */
final class FirstMessage {
  private static final Logger LOG = LoggerFactory.getLogger(FirstMessage.class);
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  private final TwilioGateway twilio;
  private final SentMessages sent;

  FirstMessage(TwilioGateway twilio, SentMessages sent) {
    this.twilio = twilio;
    this.sent = sent;
  }

  Message post(FlexAgent agent, OutboundSend s, String conversationSid) {
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

  /**
   * The message went out: a store hiccup now must not turn the send into a failure (and a retry
   * into a duplicate).
   */
  void noted(String conversationSid, String messageSid) {
    try {
      sent.messageSent(conversationSid, messageSid);
    } catch (RuntimeException e) {
      LOG.warn(
          "send on {} cannot track its first message's delivery: {}",
          conversationSid,
          e.getMessage());
    }
  }

  void forget(String conversationSid) {
    try {
      sent.delete(conversationSid);
    } catch (RuntimeException e) {
      LOG.warn("send on {} stays listed after its failure: {}", conversationSid, e.getMessage());
    }
  }
}
