package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.Paging;
import dev.flexkit.sandbox.wire.TwilioException;
import dev.flexkit.sandbox.wire.TwilioTime;
import dev.flexkit.sandbox.wire.TwilioUrls;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's one Conversations service, "Flex Chat Service", and the account configuration that
 * makes it the default (R27: Flex works only with it, and only as the default). Read-only: the
 * sandbox neither creates other services nor lets the default move, so it cannot be misconfigured.
 */
@Path("/conversations/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class FlexChatServiceResource {
  static final String FRIENDLY_NAME = "Flex Chat Service";

  private final SandboxAccount account;
  private final Instant created;

  public FlexChatServiceResource(SandboxAccount account, Instant created) {
    this.account = account;
    this.created = created;
  }

  @GET
  @Path("Configuration")
  public Map<String, Object> configuration() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account_sid", account.accountSid());
    body.put("default_chat_service_sid", account.chatServiceSid());
    body.put("default_messaging_service_sid", account.messagingServiceSid());
    body.put("default_inactive_timer", null);
    body.put("default_closed_timer", null);
    String url = TwilioUrls.url(ConversationsWire.PRODUCT, "/v1/Configuration");
    body.put("url", url);
    body.put(
        "links",
        Map.of(
            "service",
            TwilioUrls.url(
                ConversationsWire.PRODUCT,
                "/v1/Services/" + account.chatServiceSid() + "/Configuration"),
            "webhooks",
            url + "/Webhooks"));
    return body;
  }

  @GET
  @Path("Services")
  public Map<String, Object> services(@Context UriInfo uri) {
    return Paging.page(
        List.of(flexChatService()),
        s -> s,
        "services",
        ConversationsWire.PRODUCT,
        "/v1/Services",
        uri.getQueryParameters());
  }

  @GET
  @Path("Services/{sid}")
  public Map<String, Object> service(@PathParam("sid") String sid) {
    if (!account.chatServiceSid().equals(sid)) {
      throw TwilioException.notFound("/Services/" + sid);
    }
    return flexChatService();
  }

  private Map<String, Object> flexChatService() {
    String self = "/v1/Services/" + account.chatServiceSid();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account_sid", account.accountSid());
    body.put("sid", account.chatServiceSid());
    body.put("friendly_name", FRIENDLY_NAME);
    body.put("date_created", TwilioTime.iso(created));
    body.put("date_updated", TwilioTime.iso(created));
    body.put("url", TwilioUrls.url(ConversationsWire.PRODUCT, self));
    Map<String, Object> links = new LinkedHashMap<>();
    for (String sub :
        List.of(
            "Conversations",
            "Users",
            "Roles",
            "Bindings",
            "Configuration",
            "ParticipantConversations")) {
      links.put(snake(sub), TwilioUrls.url(ConversationsWire.PRODUCT, self + "/" + sub));
    }
    body.put("links", links);
    return body;
  }

  private static String snake(String name) {
    return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
