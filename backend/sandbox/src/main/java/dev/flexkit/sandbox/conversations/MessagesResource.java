package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.Form;
import dev.flexkit.sandbox.wire.Paging;
import dev.flexkit.sandbox.wire.TwilioException;
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

/** {@code /v1/Conversations/{ConversationSid}/Messages} and each message's delivery receipts. */
@Path("/conversations/v1/Conversations/{conversation}/Messages")
@Produces(MediaType.APPLICATION_JSON)
public final class MessagesResource {
  private final Conversations conversations;
  private final ConversationsWire wire;

  public MessagesResource(Conversations conversations, SandboxAccount account) {
    this.conversations = conversations;
    this.wire = new ConversationsWire(account);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @PathParam("conversation") String conversation,
      MultivaluedMap<String, String> params,
      @HeaderParam(ConversationsResource.WEBHOOK_HEADER) String webhooks) {
    Message m =
        conversations.addMessage(
            conversation, ConversationForms.newMessage(new Form(params)), Origin.rest(webhooks));
    return Response.status(201).entity(wire.message(m)).build();
  }

  @GET
  public Map<String, Object> list(
      @PathParam("conversation") String conversation, @Context UriInfo uri) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    String order = query.getFirst("Order");
    if (order != null && !order.isEmpty() && !order.equals("asc") && !order.equals("desc")) {
      throw TwilioException.invalidParameter("Order", "must be asc or desc");
    }
    String sid = conversations.get(conversation).sid();
    return Paging.page(
        conversations.messages(sid, "desc".equals(order)),
        wire::message,
        "messages",
        ConversationsWire.PRODUCT,
        ConversationsWire.conversationPath(sid) + "/Messages",
        query);
  }

  @GET
  @Path("{sid}")
  public Map<String, Object> fetch(
      @PathParam("conversation") String conversation, @PathParam("sid") String sid) {
    return wire.message(conversations.message(conversation, sid));
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
    return wire.message(
        conversations.updateMessage(
            conversation,
            sid,
            form.get("Author").orElse(null),
            form.get("Body").orElse(null),
            form.get("Attributes").orElse(null),
            Origin.rest(webhooks)));
  }

  @DELETE
  @Path("{sid}")
  public Response delete(
      @PathParam("conversation") String conversation,
      @PathParam("sid") String sid,
      @HeaderParam(ConversationsResource.WEBHOOK_HEADER) String webhooks) {
    conversations.deleteMessage(conversation, sid, Origin.rest(webhooks));
    return Response.noContent().build();
  }

  @GET
  @Path("{sid}/Receipts")
  public Map<String, Object> receipts(
      @PathParam("conversation") String conversation,
      @PathParam("sid") String sid,
      @Context UriInfo uri) {
    Message m = conversations.message(conversation, sid);
    return Paging.page(
        m.receipts(),
        wire::receipt,
        "delivery_receipts",
        ConversationsWire.PRODUCT,
        ConversationsWire.conversationPath(m.conversationSid())
            + "/Messages/"
            + m.sid()
            + "/Receipts",
        uri.getQueryParameters());
  }

  @GET
  @Path("{sid}/Receipts/{receipt}")
  public Map<String, Object> receipt(
      @PathParam("conversation") String conversation,
      @PathParam("sid") String sid,
      @PathParam("receipt") String receipt) {
    Message m = conversations.message(conversation, sid);
    return m.receipts().stream()
        .filter(r -> r.sid().equals(receipt))
        .findFirst()
        .map(wire::receipt)
        .orElseThrow(
            () ->
                TwilioException.notFound(
                    "/Conversations/"
                        + m.conversationSid()
                        + "/Messages/"
                        + m.sid()
                        + "/Receipts/"
                        + receipt));
  }
}
