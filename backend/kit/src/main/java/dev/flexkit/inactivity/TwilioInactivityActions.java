package dev.flexkit.inactivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.conversations.v1.conversation.Message;
import com.twilio.rest.conversations.v1.conversation.Participant;
import com.twilio.rest.flexapi.v1.interaction.interactionchannel.InteractionChannelParticipant;
import dev.flexkit.twilio.TwilioCallException;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warning is a Conversations message; the wrap-up follows Twilio's advice for Interactions
 * tasks: the agent's channel participant goes to {@code wrapup}. The Task API is never used, since
 * cancelling or completing the task there would orphan the interaction channel.
 */
public final class TwilioInactivityActions implements InactivityActions {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioInactivityActions.class);
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;
  private static final String MARKER = "flexkitInactivityWarning";

  private final TwilioGateway twilio;

  public TwilioInactivityActions(TwilioGateway twilio) {
    this.twilio = twilio;
  }

  @Override
  public void warn(Timer t, InactivitySettings s, boolean retry) {
    if (retry && alreadySent(t)) {
      return;
    }
    String attributes = JSON.createObjectNode().put(MARKER, t.warningId()).toString();
    twilio.call(
        "send inactivity warning",
        c ->
            Message.creator(t.conversationSid())
                .setAuthor(s.author())
                .setBody(s.warningMessage())
                .setAttributes(attributes)
                .create(c));
  }

  private boolean alreadySent(Timer t) {
    var recent =
        twilio.call(
            "read recent messages",
            c ->
                Message.reader(t.conversationSid())
                    .setOrder(Message.OrderType.DESC)
                    .setPageSize(20L)
                    .firstPage(c));
    for (Message m : recent.getRecords()) {
      try {
        if (m.getAttributes() != null
            && t.warningId().equals(JSON.readTree(m.getAttributes()).path(MARKER).asText())) {
          return true;
        }
      } catch (Exception notJson) {
        // Someone else's attributes; not our marker.
      }
    }
    return false;
  }

  @Override
  public Optional<String> whatsappSender(Timer t) {
    var participants =
        twilio.call(
            "read conversation participants",
            c -> Participant.reader(t.conversationSid()).setPageSize(50L).firstPage(c));
    for (Participant p : participants.getRecords()) {
      JsonNode binding = JSON.valueToTree(p.getMessagingBinding());
      if (binding != null
          && t.customerAddress().equals(binding.path("address").asText())
          && binding.hasNonNull("proxy_address")) {
        return Optional.of(binding.get("proxy_address").asText());
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean wrapUp(Timer t) {
    if (t.interactionSid() == null || t.channelSid() == null) {
      LOG.warn(
          "conversation {} has no interaction channel; nothing to wrap up", t.conversationSid());
      return true;
    }
    try {
      var participants =
          twilio.call(
              "list interaction participants",
              c ->
                  InteractionChannelParticipant.reader(t.interactionSid(), t.channelSid()).read(c));
      for (InteractionChannelParticipant p : participants) {
        JsonNode routing = JSON.valueToTree(p.getRoutingProperties());
        if (routing != null && t.taskSid().equals(routing.path("task_sid").asText())) {
          twilio.call(
              "wrap up inactive interaction",
              c ->
                  InteractionChannelParticipant.updater(
                          t.interactionSid(),
                          t.channelSid(),
                          p.getSid(),
                          InteractionChannelParticipant.Status.WRAPUP)
                      .update(c));
          return true;
        }
      }
      LOG.info(
          "agent of task {} already left {}; nothing to wrap up", t.taskSid(), t.conversationSid());
      return true;
    } catch (TwilioCallException e) {
      if (DueSteps.isClientError(e)) {
        LOG.warn(
            "wrap-up of {} refused by Twilio, giving up: {}", t.conversationSid(), e.getMessage());
        return true;
      }
      LOG.warn("wrap-up of {} failed, will retry: {}", t.conversationSid(), e.getMessage());
      return false;
    }
  }
}
