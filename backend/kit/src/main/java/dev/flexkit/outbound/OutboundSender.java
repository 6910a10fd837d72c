package dev.flexkit.outbound;

import dev.flexkit.auth.FlexAgent;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.twilio.TwilioCallException;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.whatsapp.WhatsappWindows;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * An agent's outbound send: refused outside WhatsApp's 24-hour window unless it is a template, then
 * the mode's Twilio steps with their compensation ({@link OpenChatSend}, {@link WaitForReplySend}),
 * and, when the customer is already in a conversation, the request's {@code onExisting}: refuse
 * with the conversation's owner, close it and start again, or reuse it. A failed first step created
 * nothing; a failed compensation is logged as an orphan with its sid.
 */
public final class OutboundSender {

  public record Result(
      String conversationSid, String interactionSid, String messageSid, boolean reused) {}

  private final SentMessages sent;
  private final WhatsappWindows windows;
  private final OutboundConversations conversations;
  private final OpenChatSend openChat;
  private final WaitForReplySend waitForReply;

  public OutboundSender(
      TwilioGateway twilio,
      FlexSettings flex,
      OutboundSettings settings,
      SentMessages sent,
      WhatsappWindows windows,
      OutboundConversations conversations,
      ExecutorService sideCalls) {
    this.sent = sent;
    this.windows = windows;
    this.conversations = conversations;
    FirstMessage firstMessage = new FirstMessage(twilio, sent);
    this.openChat =
        new OpenChatSend(twilio, flex, settings, sent, conversations, firstMessage, sideCalls);
    this.waitForReply = new WaitForReplySend(twilio, settings, sent, firstMessage);
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
        ? openChat.send(agent, s, null)
        : waitForReply.send(agent, s);
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
            ? openChat.send(agent, s, existing.conversationSid())
            : waitForReply.reuse(agent, s, existing.conversationSid());
      }
    }
  }
}
