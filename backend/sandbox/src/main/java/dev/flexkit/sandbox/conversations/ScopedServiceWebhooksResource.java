package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.Form;
import dev.flexkit.sandbox.wire.TwilioException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /v1/Services/{ChatServiceSid}/Configuration/Webhooks}: the webhooks of one Conversations
 * service, which override the account-wide ones for its conversations (R19). It has no {@code
 * Target} (R20). The sandbox has one service, the Flex one.
 */
@Path("/conversations/v1/Services/{service}/Configuration/Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public final class ScopedServiceWebhooksResource {
  private final Conversations conversations;
  private final SandboxAccount account;
  private final ConversationsWire wire;

  public ScopedServiceWebhooksResource(Conversations conversations, SandboxAccount account) {
    this.conversations = conversations;
    this.account = account;
    this.wire = new ConversationsWire(account);
  }

  @GET
  public Map<String, Object> fetch(@PathParam("service") String service) {
    known(service);
    return wire.scopedServiceWebhooks(conversations.flexServiceWebhooks());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> update(
      @PathParam("service") String service, MultivaluedMap<String, String> params) {
    known(service);
    Form form = new Form(params);
    ServiceWebhooks now = conversations.flexServiceWebhooks();
    String method = form.get("Method").map(m -> m.toUpperCase(Locale.ROOT)).orElse(now.method());
    if (!method.equals("GET") && !method.equals("POST")) {
      throw TwilioException.invalidParameter("Method", "must be GET or POST");
    }
    List<String> filters = form.has("Filters") ? form.all("Filters") : now.filters();
    ServiceWebhooks updated =
        new ServiceWebhooks(
            cleared(form, "PreWebhookUrl", now.preWebhookUrl()),
            cleared(form, "PostWebhookUrl", now.postWebhookUrl()),
            filters,
            method,
            null);
    conversations.configureFlexServiceWebhooks(updated);
    return wire.scopedServiceWebhooks(updated);
  }

  /** An empty value clears the URL; an absent one keeps it. */
  static String cleared(Form form, String name, String current) {
    if (!form.has(name)) {
      return current;
    }
    String v = form.get(name).orElse("");
    return v.isEmpty() ? null : v;
  }

  private void known(String service) {
    if (!account.chatServiceSid().equals(service)) {
      throw TwilioException.notFound("/v1/Services/" + service + "/Configuration/Webhooks");
    }
  }
}
