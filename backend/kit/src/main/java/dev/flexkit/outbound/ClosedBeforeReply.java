package dev.flexkit.outbound;

import dev.flexkit.webhooks.ConversationEvent;

/**
 * A conversation that closes (its closed timer, or an agent elsewhere) while its send still waits
 * will never route a reply: the send leaves the agent's waiting list as {@code CLOSED}.
 */
final class ClosedBeforeReply {
  private final SentMessages sent;

  ClosedBeforeReply(SentMessages sent) {
    this.sent = sent;
  }

  void onEvent(ConversationEvent event) {
    if ("onConversationStateUpdated".equals(event.eventType())
        && event.get("StateTo").filter("closed"::equals).isPresent()) {
      event
          .conversationSid()
          .ifPresent(
              sid ->
                  sent.transition(
                      sid, SentMessages.Status.WAITING, SentMessages.Status.CLOSED, null));
    }
  }
}
