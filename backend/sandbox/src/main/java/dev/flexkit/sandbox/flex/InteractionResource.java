package dev.flexkit.sandbox.flex;

import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.wire.Form;
import dev.flexkit.sandbox.wire.Paging;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
 * Flex v1 Interactions, their channels, channel participants and invites. Every write answers 200.
 */
@Path("/flex-api/v1/Interactions")
@Produces(MediaType.APPLICATION_JSON)
public final class InteractionResource {
  private final FlexInteractions flex;

  @Inject
  public InteractionResource(SandboxWorld world) {
    this.flex = world.flexInteractions();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    form.required("Channel");
    return created(
        flex.create(
            form.json("Channel").orElseThrow(),
            form.json("Routing").orElse(null),
            form.get("InteractionContextSid").orElse(null),
            form.get("WebhookTtid").orElse(null)));
  }

  @GET
  @Path("{kd}")
  public Map<String, Object> fetch(@PathParam("kd") String kd) {
    return flex.fetch(kd);
  }

  @GET
  @Path("{kd}/Channels")
  public Map<String, Object> channels(@PathParam("kd") String kd, @Context UriInfo uri) {
    return Paging.page(
        flex.listChannels(kd),
        i -> i,
        "channels",
        "flex-api",
        "/v1/Interactions/" + kd + "/Channels",
        uri.getQueryParameters());
  }

  @GET
  @Path("{kd}/Channels/{uo}")
  public Map<String, Object> channel(@PathParam("kd") String kd, @PathParam("uo") String uo) {
    return flex.fetchChannel(kd, uo);
  }

  @POST
  @Path("{kd}/Channels/{uo}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> updateChannel(
      @PathParam("kd") String kd, @PathParam("uo") String uo, MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    return flex.updateChannel(
        kd, uo, form.get("Status").orElse(null), form.json("Routing").orElse(null));
  }

  @GET
  @Path("{kd}/Channels/{uo}/Participants")
  public Map<String, Object> participants(
      @PathParam("kd") String kd, @PathParam("uo") String uo, @Context UriInfo uri) {
    return Paging.page(
        flex.listParticipants(kd, uo),
        i -> i,
        "participants",
        "flex-api",
        "/v1/Interactions/" + kd + "/Channels/" + uo + "/Participants",
        uri.getQueryParameters());
  }

  @POST
  @Path("{kd}/Channels/{uo}/Participants")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createParticipant(
      @PathParam("kd") String kd, @PathParam("uo") String uo, MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    return created(
        flex.createParticipant(
            kd,
            uo,
            form.required("Type"),
            form.json("MediaProperties").orElse(null),
            form.json("RoutingProperties").orElse(null)));
  }

  @POST
  @Path("{kd}/Channels/{uo}/Participants/{ut}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> updateParticipant(
      @PathParam("kd") String kd,
      @PathParam("uo") String uo,
      @PathParam("ut") String ut,
      MultivaluedMap<String, String> body) {
    return flex.updateParticipant(kd, uo, ut, new Form(body).required("Status"));
  }

  @GET
  @Path("{kd}/Channels/{uo}/Invites")
  public Map<String, Object> invites(
      @PathParam("kd") String kd, @PathParam("uo") String uo, @Context UriInfo uri) {
    return Paging.page(
        flex.listInvites(kd, uo),
        i -> i,
        "invites",
        "flex-api",
        "/v1/Interactions/" + kd + "/Channels/" + uo + "/Invites",
        uri.getQueryParameters());
  }

  @POST
  @Path("{kd}/Channels/{uo}/Invites")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response invite(
      @PathParam("kd") String kd, @PathParam("uo") String uo, MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    form.required("Routing");
    return created(flex.invite(kd, uo, form.json("Routing").orElseThrow()));
  }

  /** The specs this sandbox is checked against answer creates with 201. */
  private static Response created(Map<String, Object> body) {
    return Response.status(201).entity(body).build();
  }
}
