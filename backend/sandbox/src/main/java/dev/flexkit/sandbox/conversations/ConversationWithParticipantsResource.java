package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.Form;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /v1/ConversationWithParticipants}: a conversation and up to ten participants in one call.
 */
@Path("/conversations/v1/ConversationWithParticipants")
@Produces(MediaType.APPLICATION_JSON)
public final class ConversationWithParticipantsResource {
  private static final int MAX_PARTICIPANTS = 10;

  private final Conversations conversations;
  private final ConversationsWire wire;

  public ConversationWithParticipantsResource(Conversations conversations, SandboxAccount account) {
    this.conversations = conversations;
    this.wire = new ConversationsWire(account);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      MultivaluedMap<String, String> params,
      @HeaderParam(ConversationsResource.WEBHOOK_HEADER) String webhooks) {
    Form form = new Form(params);
    List<String> participants = form.all("Participant");
    if (participants.size() > MAX_PARTICIPANTS) {
      throw ConversationErrors.tooManyParticipantsInRequest(MAX_PARTICIPANTS);
    }
    Conversation c =
        conversations.createWithParticipants(
            ConversationForms.newConversation(form),
            participants.stream().map(ConversationForms::participantJson).toList(),
            Origin.rest(webhooks));
    return Response.status(201).entity(wire.conversation(c)).build();
  }
}
