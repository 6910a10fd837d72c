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
import java.time.Instant;
import java.util.Map;

/** {@code /v1/Conversations}: create, fetch (by sid or unique name), update, delete and list. */
@Path("/conversations/v1/Conversations")
@Produces(MediaType.APPLICATION_JSON)
public final class ConversationsResource {
  static final String WEBHOOK_HEADER = "X-Twilio-Webhook-Enabled";

  private final Conversations conversations;
  private final ConversationsWire wire;

  public ConversationsResource(Conversations conversations, SandboxAccount account) {
    this.conversations = conversations;
    this.wire = new ConversationsWire(account);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      MultivaluedMap<String, String> params, @HeaderParam(WEBHOOK_HEADER) String webhooks) {
    Conversation c =
        conversations.create(
            ConversationForms.newConversation(new Form(params)), Origin.rest(webhooks));
    return Response.status(201).entity(wire.conversation(c)).build();
  }

  @GET
  public Map<String, Object> list(@Context UriInfo uri) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    String state = query.getFirst("State");
    if (state != null
        && !state.isEmpty()
        && !state.equals(Conversation.ACTIVE)
        && !state.equals(Conversation.INACTIVE)
        && !state.equals(Conversation.CLOSED)) {
      throw ConversationErrors.invalidState(state);
    }
    Instant from =
        ConversationForms.day(query.getFirst("StartDate"), "StartDate", false).orElse(null);
    Instant until = ConversationForms.day(query.getFirst("EndDate"), "EndDate", true).orElse(null);
    return Paging.page(
        conversations.list(state == null || state.isEmpty() ? null : state, from, until),
        wire::conversation,
        "conversations",
        ConversationsWire.PRODUCT,
        "/v1/Conversations",
        query);
  }

  @GET
  @Path("{sid}")
  public Map<String, Object> fetch(@PathParam("sid") String sid) {
    return wire.conversation(conversations.get(sid));
  }

  @POST
  @Path("{sid}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> update(
      @PathParam("sid") String sid,
      MultivaluedMap<String, String> params,
      @HeaderParam(WEBHOOK_HEADER) String webhooks) {
    return wire.conversation(
        conversations.update(
            sid, ConversationForms.conversationChanges(new Form(params)), Origin.rest(webhooks)));
  }

  @DELETE
  @Path("{sid}")
  public Response delete(
      @PathParam("sid") String sid, @HeaderParam(WEBHOOK_HEADER) String webhooks) {
    conversations.delete(sid, Origin.rest(webhooks));
    return Response.noContent().build();
  }
}
