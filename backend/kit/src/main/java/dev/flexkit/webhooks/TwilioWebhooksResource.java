package dev.flexkit.webhooks;

import dev.flexkit.auth.TwilioWebhook;
import dev.flexkit.auth.TwilioWebhookFilter;
import dev.flexkit.web.ApiException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Twilio posts Conversations and TaskRouter events. A signed event is stored and answered;
 * the listeners run after that, off this thread (Conversations waits 5 s for the answer, TaskRouter
 * 15 s, and a listener's Twilio calls may retry for longer). An event that could not be stored is
 * answered 503, so Twilio knows it was not taken.
 */
@Path("/webhooks")
@Tag(name = "webhooks")
@TwilioWebhook
@Singleton // one instance: injecting a new one for every webhook costs more than handling it
public final class TwilioWebhooksResource {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhooksResource.class);
  private static final long STORE_TIMEOUT_MILLIS = 3_000;

  private final InboxWriter inbox;

  @Inject
  public TwilioWebhooksResource(InboxWriter inbox) {
    this.inbox = inbox;
  }

  @POST
  @Path("conversations")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(
      summary = "Conversations post-event webhook (X-Twilio-Signature required)",
      requestBody =
          @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED)))
  public Response conversations(@Context ContainerRequestContext request) {
    store(InboxEvent.Kind.CONVERSATIONS, request);
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
    store(InboxEvent.Kind.TASKROUTER, request);
    // TaskRouter wants 204 with a JSON content type within 15 s.
    return Response.noContent().type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private void store(InboxEvent.Kind kind, ContainerRequestContext request) {
    InboxEvent event = InboxEvent.received(kind, form(request), System.currentTimeMillis());
    try {
      inbox.store(event).get(STORE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      String why = e instanceof ExecutionException ? e.getCause().getMessage() : "timed out";
      LOG.warn("webhook not stored, answered 503 for Twilio to retry: {}", why);
      throw new ApiException(503, "webhook_not_stored", "the webhook could not be stored: " + why);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "webhook_not_stored", "interrupted while storing the webhook");
    }
  }

  /** The form the signature filter parsed and checked. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> form(ContainerRequestContext request) {
    Object form = request.getProperty(TwilioWebhookFilter.FORM);
    return form instanceof Map<?, ?> m ? (Map<String, List<String>>) m : Map.of();
  }
}
