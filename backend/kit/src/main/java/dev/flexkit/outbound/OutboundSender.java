package dev.flexkit.outbound;

import dev.flexkit.auth.FlexAgent;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.whatsapp.WhatsappWindows;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An agent's outbound send: refused outside WhatsApp's 24-hour window unless it is a template; then
 * the conversation with the customer ({@link CustomerConversations}), which also tells whether
 * another open conversation, ours or not, already holds them; then the mode's steps with their
 * compensation ({@link OpenChatSend}, {@link WaitForReplySend}). A held customer gets the request's
 * {@code onExisting}: refuse with the conversation's owner, close it and start again, or reuse it.
 * A failed first step created nothing; a failed compensation is logged as an orphan with its sid.
 */
public final class OutboundSender {

  public record Result(
      String conversationSid, String interactionSid, String messageSid, boolean reused) {}

  private final SentMessages sent;
  private final WhatsappWindows windows;
  private final OutboundConversations conversations;
  private final CustomerConversations customers;
  private final OpenChatSend openChat;
  private final WaitForReplySend waitForReply;

  public OutboundSender(
      TwilioGateway twilio,
      FlexSettings flex,
      OutboundSettings settings,
      SentMessages sent,
      WhatsappWindows windows,
      OutboundConversations conversations) {
    this.sent = sent;
    this.windows = windows;
    this.conversations = conversations;
    FirstMessage firstMessage = new FirstMessage(twilio, sent);
    this.customers = new CustomerConversations(twilio, settings, conversations.lookup());
    this.openChat = new OpenChatSend(flex, settings, sent, conversations, customers, firstMessage);
    this.waitForReply = new WaitForReplySend(twilio, sent, customers, firstMessage);
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
    CustomerConversations.Opened opened = open(agent, s);
    if (opened instanceof CustomerConversations.Held held) {
      return onExisting(agent, s, conversations.describe(held.conversationSid()));
    }
    return fresh(agent, s, opened.conversationSid());
  }

  private CustomerConversations.Opened open(FlexAgent agent, OutboundSend s) {
    return customers.open(
        s.customerAddress(),
        s.senderAddress(),
        s.mode() == OutboundSend.Mode.WAIT_FOR_REPLY
            ? WaitForReplySend.attributes(agent, s)
            : "{}");
  }

  private Result fresh(FlexAgent agent, OutboundSend s, String createdConversationSid) {
    return s.mode() == OutboundSend.Mode.OPEN_CHAT
        ? openChat.send(agent, s, createdConversationSid, false)
        : waitForReply.send(agent, s, createdConversationSid);
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
        CustomerConversations.Opened again = open(agent, s);
        if (again instanceof CustomerConversations.Held held) {
          throw Refusal.conflict(
              "conversation_exists",
              "Another conversation took this customer meanwhile",
              conversations.describe(held.conversationSid()));
        }
        return fresh(agent, s, again.conversationSid());
      }
      default -> {
        if (existing.hasLiveTask()) {
          throw Refusal.conflict(
              "conversation_busy", "The existing conversation has a live task", existing);
        }
        return s.mode() == OutboundSend.Mode.OPEN_CHAT
            ? openChat.send(agent, s, existing.conversationSid(), true)
            : waitForReply.reuse(agent, s, existing.conversationSid());
      }
    }
  }
}
