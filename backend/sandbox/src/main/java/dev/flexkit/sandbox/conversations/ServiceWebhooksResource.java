package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.Form;
import dev.flexkit.sandbox.wire.TwilioException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Locale;
import java.util.Map;

/** {@code /v1/Configuration/Webhooks}: the account's pre- and post-event webhook URLs. */
@Path("/conversations/v1/Configuration/Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public final class ServiceWebhooksResource {
  private final Conversations conversations;
  private final ConversationsWire wire;

  public ServiceWebhooksResource(Conversations conversations, SandboxAccount account) {
    this.conversations = conversations;
    this.wire = new ConversationsWire(account);
  }

  @GET
  public Map<String, Object> fetch() {
    return wire.serviceWebhooks(conversations.serviceWebhooks());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> update(MultivaluedMap<String, String> params) {
    Form form = new Form(params);
    ServiceWebhooks now = conversations.serviceWebhooks();
    String method = form.get("Method").map(m -> m.toUpperCase(Locale.ROOT)).orElse(now.method());
    if (!method.equals("GET") && !method.equals("POST")) {
      throw TwilioException.invalidParameter("Method", "must be GET or POST");
    }
    String target = form.get("Target").orElse(now.target());
    if (!target.equals("webhook") && !target.equals("flex")) {
      throw TwilioException.invalidParameter("Target", "must be webhook or flex");
    }
    ServiceWebhooks updated =
        new ServiceWebhooks(
            ScopedServiceWebhooksResource.cleared(form, "PreWebhookUrl", now.preWebhookUrl()),
            ScopedServiceWebhooksResource.cleared(form, "PostWebhookUrl", now.postWebhookUrl()),
            form.has("Filters") ? form.all("Filters") : now.filters(),
            method,
            target);
    conversations.configureServiceWebhooks(updated);
    return wire.serviceWebhooks(updated);
  }
}
