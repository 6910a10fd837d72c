package dev.flexkit.webhooks;

import dev.flexkit.auth.TwilioWebhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where Twilio posts Conversations and TaskRouter events; signatures are checked first. */
@Path("/webhooks")
@Tag(name = "webhooks")
@TwilioWebhook
public final class TwilioWebhooksResource {
  private final TwilioEventBus bus;

  @Inject
  public TwilioWebhooksResource(TwilioEventBus bus) {
    this.bus = bus;
  }

  @POST
  @Path("conversations")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Conversations post-event webhook (X-Twilio-Signature required)")
  public Response conversations(MultivaluedMap<String, String> form) {
    bus.publish(new ConversationEvent(copy(form)));
    return Response.ok().build();
  }

  @POST
  @Path("taskrouter")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "TaskRouter event callback (X-Twilio-Signature required)")
  public Response taskRouter(MultivaluedMap<String, String> form) {
    bus.publish(new TaskRouterEvent(copy(form)));
    // TaskRouter wants 204 with a JSON content type within 15 s.
    return Response.noContent().type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static Map<String, List<String>> copy(MultivaluedMap<String, String> form) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    form.forEach((k, v) -> params.put(k, List.copyOf(v)));
    return params;
  }
}
