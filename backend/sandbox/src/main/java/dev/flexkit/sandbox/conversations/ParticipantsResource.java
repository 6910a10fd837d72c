package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.Form;
import dev.flexkit.sandbox.wire.Paging;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** {@code /v1/Conversations/{ConversationSid}/Participants}. */
@Path("/conversations/v1/Conversations/{conversation}/Participants")
@Produces(MediaType.APPLICATION_JSON)
public final class ParticipantsResource {
  private final Conversations conversations;
  private final ConversationsWire wire;

  public ParticipantsResource(Conversations conversations, SandboxAccount account) {
    this.conversations = conversations;
    this.wire = new ConversationsWire(account);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(
      @PathParam("conversation") String conversation,
      MultivaluedMap<String, String> params,
      @HeaderParam(ConversationsResource.WEBHOOK_HEADER) String webhooks) {
    Participant p =
        conversations.addParticipant(
            conversation,
            ConversationForms.newParticipant(new Form(params)),
            Origin.rest(webhooks));
    return Response.status(201).entity(wire.participant(p)).build();
  }

  @GET
  public Map<String, Object> list(
      @PathParam("conversation") String conversation, @Context UriInfo uri) {
    String sid = conversations.get(conversation).sid();
    return Paging.page(
        conversations.participants(sid),
        wire::participant,
        "participants",
        ConversationsWire.PRODUCT,
        ConversationsWire.conversationPath(sid) + "/Participants",
        uri.getQueryParameters());
  }

  @GET
  @Path("{sid}")
  public Map<String, Object> fetch(
      @PathParam("conversation") String conversation, @PathParam("sid") String sid) {
    return wire.participant(conversations.participant(conversation, sid));
  }

  @POST
  @Path("{sid}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> update(
      @PathParam("conversation") String conversation,
      @PathParam("sid") String sid,
      MultivaluedMap<String, String> params,
      @HeaderParam(ConversationsResource.WEBHOOK_HEADER) String webhooks) {
    Form form = new Form(params);
    Conversations.ParticipantChanges changes =
        new Conversations.ParticipantChanges(
            form.get("Attributes").orElse(null),
            form.get("RoleSid").orElse(null),
            form.integer("LastReadMessageIndex").orElse(null),
            form.get("LastReadTimestamp").orElse(null),
            form.get("MessagingBinding.ProxyAddress").orElse(null));
    return wire.participant(
        conversations.updateParticipant(conversation, sid, changes, Origin.rest(webhooks)));
  }

  @DELETE
  @Path("{sid}")
  public Response remove(
      @PathParam("conversation") String conversation,
      @PathParam("sid") String sid,
      @HeaderParam(ConversationsResource.WEBHOOK_HEADER) String webhooks) {
    conversations.removeParticipant(conversation, sid, Origin.rest(webhooks));
    return Response.noContent().build();
  }
}
