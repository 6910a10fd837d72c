package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.conversations.v1.ParticipantConversation;
import com.twilio.rest.conversations.v1.conversation.Participant;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import dev.flexkit.twilio.TwilioCallException;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what Twilio knows about a conversation: who is in it, its task, its customer binding. */
final class ConversationLookup {
  private static final Pattern CONVERSATION_SID = Pattern.compile("\\bCH[0-9a-fA-F]{32}\\b");
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  private final TwilioGateway twilio;
  private final Optional<String> workspaceSid;

  ConversationLookup(TwilioGateway twilio, Optional<String> workspaceSid) {
    this.twilio = twilio;
    this.workspaceSid = workspaceSid;
  }

  /** The conversation named by a 50416/50425 "binding already in use" refusal. */
  static Optional<String> heldBy(TwilioCallException e) {
    Integer code = e.twilioCode();
    if (code == null || (code != 50416 && code != 50425) || e.getMessage() == null) {
      return Optional.empty();
    }
    Matcher m = CONVERSATION_SID.matcher(e.getMessage());
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  /**
   * The open (active or inactive: both hold the binding, R10) conversation in which this customer
   * talks to this number, for a 50416 whose message names none.
   */
  Optional<String> openConversationWith(String customerAddress, String senderAddress) {
    return twilio.call(
        "find the customer's conversation",
        c -> {
          for (ParticipantConversation pc :
              ParticipantConversation.reader().setAddress(customerAddress).read(c)) {
            JsonNode binding = JSON.valueToTree(pc.getParticipantMessagingBinding());
            if (senderAddress.equals(binding.path("proxy_address").asText(null))
                && pc.getConversationState() != ParticipantConversation.State.CLOSED) {
              return Optional.of(pc.getConversationSid());
            }
          }
          return Optional.empty();
        });
  }

  ExistingConversation describe(String conversationSid) {
    List<String> identities = new ArrayList<>();
    twilio.run(
        "list participants",
        c ->
            Participant.reader(conversationSid)
                .read(c)
                .forEach(
                    p -> {
                      if (p.getIdentity() != null) {
                        identities.add(p.getIdentity());
                      }
                    }));
    Optional<String> status =
        workspaceSid.isEmpty()
            ? Optional.empty()
            : twilio.call(
                "find the conversation's task",
                c -> {
                  List<String> statuses = new ArrayList<>();
                  Task.reader(workspaceSid.get())
                      .setEvaluateTaskAttributes("conversationSid == \"" + conversationSid + "\"")
                      .setPageSize(20L)
                      .read(c)
                      .forEach(t -> statuses.add(t.getAssignmentStatus().toString()));
                  return statuses.stream()
                      .filter(
                          s -> List.of("assigned", "reserved", "pending", "wrapping").contains(s))
                      .findFirst()
                      .or(() -> statuses.stream().findFirst());
                });
    return new ExistingConversation(conversationSid, identities.stream().findFirst(), status);
  }

  /**
   * The {@code proxy_address} our number has in the conversation, for a customer's inbound message.
   */
  Optional<String> proxyAddressOf(String conversationSid, String customerAddress) {
    return twilio.call(
        "list participants",
        c -> {
          for (Participant p : Participant.reader(conversationSid).read(c)) {
            JsonNode binding = JSON.valueToTree(p.getMessagingBinding());
            if (binding != null && customerAddress.equals(binding.path("address").asText())) {
              return Optional.ofNullable(binding.path("proxy_address").asText(null));
            }
          }
          return Optional.empty();
        });
  }
}
