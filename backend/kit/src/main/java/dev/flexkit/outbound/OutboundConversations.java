package dev.flexkit.outbound;

import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.flexapi.v1.interaction.InteractionChannel;
import dev.flexkit.twilio.TwilioGateway;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversations outbound opens, as the sender, back-office tasks, customer replies and the
 * cancel endpoint share them: who holds one, its closed timer, and closing it.
 */
public final class OutboundConversations {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundConversations.class);

  private final TwilioGateway twilio;
  private final OutboundSettings settings;
  private final SentMessages sent;
  private final ConversationLookup lookup;

  OutboundConversations(
      TwilioGateway twilio,
      Optional<String> workspaceSid,
      OutboundSettings settings,
      SentMessages sent) {
    this.twilio = twilio;
    this.settings = settings;
    this.sent = sent;
    this.lookup = new ConversationLookup(twilio, workspaceSid);
  }

  /** What Twilio alone knows about a conversation. */
  ConversationLookup lookup() {
    return lookup;
  }

  /**
   * Twilio's view, and ours for a send still waiting: its sender owns it though no task exists yet.
   */
  ExistingConversation describe(String conversationSid) {
    ExistingConversation twilioView = lookup.describe(conversationSid);
    if (twilioView.ownerIdentity().isPresent()) {
      return twilioView;
    }
    return new ExistingConversation(
        conversationSid,
        sent.find(conversationSid).map(SentMessages.Sent::agentIdentity),
        twilioView.taskStatus());
  }

  /** Closes a conversation; the interaction channel on it closes with it. */
  void close(String conversationSid) {
    twilio.call(
        "close conversation",
        c -> Conversation.updater(conversationSid).setState(Conversation.State.CLOSED).update(c));
  }

  /**
   * Compensation for an interaction whose first message failed: its channel closed with routing
   * closed completes the task and closes the conversation. A failure here is logged as an orphan.
   */
  void closeInteractionChannel(String interactionSid, String channelSid, String conversationSid) {
    try {
      twilio.call(
          "close interaction channel (compensation)",
          c ->
              InteractionChannel.updater(
                      interactionSid, channelSid, InteractionChannel.UpdateChannelStatus.CLOSED)
                  .setRouting(Map.of("status", "closed"))
                  .update(c));
    } catch (RuntimeException undo) {
      LOG.error(
          "orphan: interaction {} on conversation {} could not be closed: {}",
          interactionSid,
          conversationSid,
          undo.getMessage());
    }
  }
}
