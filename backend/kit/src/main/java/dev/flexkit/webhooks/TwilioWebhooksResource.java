package dev.flexkit.webhooks;

import dev.flexkit.auth.TwilioWebhook;
import dev.flexkit.auth.TwilioWebhookFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Where Twilio posts Conversations and TaskRouter events; signatures are checked first. */
@Path("/webhooks")
@Tag(name = "webhooks")
@TwilioWebhook
@Singleton // one instance: injecting a new one for every webhook costs more than handling it
public final class TwilioWebhooksResource {
  private final TwilioEventBus bus;

  @Inject
  public TwilioWebhooksResource(TwilioEventBus bus) {
    this.bus = bus;
  }

  @POST
  @Path("conversations")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(
      summary = "Conversations post-event webhook (X-Twilio-Signature required)",
      requestBody =
          @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED)))
  public Response conversations(@Context ContainerRequestContext request) {
    bus.publish(new ConversationEvent(form(request)));
    return Response.ok().build();
  }

  @POST
  @Path("taskrouter")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(
      summary = "TaskRouter event callback (X-Twilio-Signature required)",
      requestBody =
          @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED)))
  public Response taskRouter(@Context ContainerRequestContext request) {
    bus.publish(new TaskRouterEvent(form(request)));
    // TaskRouter wants 204 with a JSON content type within 15 s.
    return Response.noContent().type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** The form the signature filter parsed and checked. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> form(ContainerRequestContext request) {
    Object form = request.getProperty(TwilioWebhookFilter.FORM);
    return form instanceof Map<?, ?> m ? (Map<String, List<String>>) m : Map.of();
  }
}
