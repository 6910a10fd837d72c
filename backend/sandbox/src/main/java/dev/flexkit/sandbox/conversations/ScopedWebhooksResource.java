package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.Form;
import dev.flexkit.sandbox.wire.Paging;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/**
 * {@code /v1/Conversations/{ConversationSid}/Webhooks}: webhooks that hear one conversation only.
 */
@Path("/conversations/v1/Conversations/{conversation}/Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public final class ScopedWebhooksResource {
  private final Conversations conversations;
  private final ConversationsWire wire;

  public ScopedWebhooksResource(Conversations conversations, SandboxAccount account) {
    this.conversations = conversations;
    this.wire = new ConversationsWire(account);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @PathParam("conversation") String conversation, MultivaluedMap<String, String> params) {
    Form form = new Form(params);
    Conversations.NewWebhook spec = ConversationForms.webhook(form, form.required("Target"));
    return Response.status(201)
        .entity(wire.webhook(conversations.addWebhook(conversation, spec)))
        .build();
  }

  @GET
  public Map<String, Object> list(
      @PathParam("conversation") String conversation, @Context UriInfo uri) {
    String sid = conversations.get(conversation).sid();
    return Paging.page(
        conversations.webhooks(sid),
        wire::webhook,
        "webhooks",
        ConversationsWire.PRODUCT,
        ConversationsWire.conversationPath(sid) + "/Webhooks",
        uri.getQueryParameters());
  }

  @GET
  @Path("{sid}")
  public Map<String, Object> fetch(
      @PathParam("conversation") String conversation, @PathParam("sid") String sid) {
    return wire.webhook(conversations.webhook(conversation, sid));
  }

  @POST
  @Path("{sid}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> update(
      @PathParam("conversation") String conversation,
      @PathParam("sid") String sid,
      MultivaluedMap<String, String> params) {
    return wire.webhook(
        conversations.updateWebhook(
            conversation, sid, ConversationForms.webhook(new Form(params), null)));
  }

  @DELETE
  @Path("{sid}")
  public Response delete(
      @PathParam("conversation") String conversation, @PathParam("sid") String sid) {
    conversations.deleteWebhook(conversation, sid);
    return Response.noContent().build();
  }
}
