package dev.flexkit.outbound;

import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.conversations.v1.conversation.Participant;
import com.twilio.rest.flexapi.v1.Interaction;
import dev.flexkit.twilio.TwilioCallException;
import dev.flexkit.twilio.TwilioGateway;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the conversation an outbound send writes to, with the customer in it, in two calls: the
 * conversation (active, with its closed timer: a timer needs a state, R1) and the customer as a
 * participant. Only that second call says synchronously that the customer and our number are
 * already in another open conversation (50416 naming it, R9): {@code ConversationWithParticipants}
 * adds participants in the background and refuses messages meanwhile (R7, R8), and an Interaction
 * silently leaves a busy customer out (R32). A refused conversation is deleted again.
 */
final class CustomerConversations {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerConversations.class);

  /** The conversation made for this send, or the open one that already holds the customer. */
  sealed interface Opened permits Created, Held {
    String conversationSid();
  }

  record Created(String conversationSid) implements Opened {}

  record Held(String conversationSid) implements Opened {}

  private final TwilioGateway twilio;
  private final OutboundSettings settings;
  private final ConversationLookup lookup;

  CustomerConversations(
      TwilioGateway twilio, OutboundSettings settings, ConversationLookup lookup) {
    this.twilio = twilio;
    this.settings = settings;
    this.lookup = lookup;
  }

  Opened open(String customerAddress, String senderAddress, String attributesJson) {
    Conversation conversation =
        twilio.call(
            "create outbound conversation",
            c ->
                Conversation.creator()
                    .setFriendlyName("Outbound " + senderAddress + " -> " + customerAddress)
                    .setAttributes(attributesJson)
                    .setState(Conversation.State.ACTIVE)
                    .setTimersClosed(settings.closedTimerIso())
                    .create(c));
    String sid = conversation.getSid();
    try {
      twilio.call(
          "add the customer",
          c ->
              Participant.creator(sid)
                  .setMessagingBindingAddress(customerAddress)
                  .setMessagingBindingProxyAddress(senderAddress)
                  .create(c));
      return new Created(sid);
    } catch (TwilioCallException e) {
      Optional<String> held =
          ConversationLookup.heldBy(e)
              .or(
                  () ->
                      e.twilioCode() != null && e.twilioCode() == 50416
                          ? lookup.openConversationWith(customerAddress, senderAddress)
                          : Optional.empty());
      delete(sid);
      if (held.isPresent()) {
        return new Held(held.get());
      }
      throw e;
    } catch (RuntimeException e) {
      delete(sid);
      throw e;
    }
  }

  /**
   * The interaction that routes this conversation's task. It is given the conversation rather than
   * asked to make one, since it would make it after answering (R28) and leave a busy customer out
   * (R32). If Twilio refuses it, a conversation {@code made} for this send is deleted: nothing was
   * sent on it.
   */
  Interaction interactionOn(
      String operation,
      String conversationSid,
      boolean made,
      String channelType,
      String initiatedBy,
      Map<String, Object> routingProperties) {
    Map<String, Object> channel = new LinkedHashMap<>();
    channel.put("type", channelType);
    channel.put("initiated_by", initiatedBy);
    channel.put("properties", Map.of("media_channel_sid", conversationSid));
    try {
      return twilio.call(
          operation,
          c ->
              Interaction.creator(channel)
                  .setRouting(Map.of("properties", routingProperties))
                  .create(c));
    } catch (RuntimeException e) {
      if (made) {
        delete(conversationSid);
      }
      throw e;
    }
  }

  /** Compensation: nothing was sent on it, so it goes and leaves no binding behind. */
  void delete(String conversationSid) {
    try {
      twilio.run(
          "delete conversation (compensation)",
          c -> Conversation.deleter(conversationSid).delete(c));
    } catch (RuntimeException undo) {
      LOG.error(
          "orphan: conversation {} could not be deleted: {}", conversationSid, undo.getMessage());
    }
  }
}
