package dev.flexkit.webhooks;

import com.twilio.rest.conversations.v1.configuration.Webhook;
import com.twilio.rest.flexapi.v1.Configuration;
import com.twilio.rest.taskrouter.v1.Workspace;
import dev.flexkit.twilio.TwilioGateway;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points Conversations' post-event webhook and the workspace's event callback at this service, so
 * every conversation (not only the ones we create) reaches the capabilities, without taking a URL
 * from anyone else: each setting is read first, and set only when it is empty or already ours.
 *
 * <p>Conversations: service-scoped webhooks override the account's for that service (R19). So when
 * the Flex Conversations service has a post-event URL of its own, that is the one that counts: ours
 * is kept there, someone else's is reported and an account-wide registration is not attempted (it
 * would never fire for Flex's conversations). Otherwise the account-wide webhook is used. Round
 * trips: the Flex configuration (for its service), the service's webhooks, the account's webhooks
 * when the service has none, the workspace, and one write for each setting that is not right yet.
 */
public final class WebhookRegistration {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);
  static final List<String> CONVERSATION_FILTERS =
      List.of(
          "onMessageAdded",
          "onDeliveryUpdated",
          "onConversationStateUpdated",
          "onParticipantAdded",
          "onParticipantRemoved");

  /** A setting that names someone else's URL: not overwritten, and the service is not ready. */
  public static final class ForeignWebhookException extends RuntimeException {
    ForeignWebhookException(String message) {
      super(message);
    }
  }

  private WebhookRegistration() {}

  public static void register(TwilioGateway twilio, URI publicBaseUrl, String workspaceSid) {
    String base = publicBaseUrl.toString().replaceAll("/+$", "");
    List<String> conflicts = new ArrayList<>();
    registerConversations(twilio, base + "/webhooks/conversations", conflicts);
    registerTaskRouter(twilio, workspaceSid, base + "/webhooks/taskrouter", conflicts);
    if (!conflicts.isEmpty()) {
      throw new ForeignWebhookException(String.join("; ", conflicts));
    }
  }

  private static void registerConversations(
      TwilioGateway twilio, String ours, List<String> conflicts) {
    String service =
        twilio.call(
            "fetch Flex configuration",
            c -> Configuration.fetcher().fetch(c).getChatServiceInstanceSid());
    var scoped =
        twilio.call(
            "fetch the Flex Conversations service's webhooks",
            c ->
                com.twilio.rest.conversations.v1.service.configuration.Webhook.fetcher(service)
                    .fetch(c));
    String scopedUrl = text(scoped.getPostWebhookUrl());
    if (!scopedUrl.isEmpty()) {
      if (!same(scopedUrl, ours)) {
        conflicts.add(
            conflict(
                "Conversations service "
                    + service
                    + " PostWebhookUrl (service-scoped, it overrides the account-wide one: R19)",
                scopedUrl,
                ours,
                "POST /v1/Services/" + service + "/Configuration/Webhooks"));
        return;
      }
      if (!filtersAndMethodAreOurs(scoped.getFilters(), String.valueOf(scoped.getMethod()))) {
        twilio.call(
            "register the Flex Conversations service's webhook",
            c ->
                com.twilio.rest.conversations.v1.service.configuration.Webhook.updater(service)
                    .setPostWebhookUrl(ours)
                    .setMethod("POST")
                    .setFilters(CONVERSATION_FILTERS)
                    .update(c));
      }
      LOG.info("Conversations events of service {} reach {} (service-scoped)", service, ours);
      return;
    }
    Webhook global = twilio.call("fetch conversations webhook", c -> Webhook.fetcher().fetch(c));
    String globalUrl = text(global.getPostWebhookUrl());
    if (!globalUrl.isEmpty() && !same(globalUrl, ours)) {
      conflicts.add(
          conflict(
              "Conversations account-wide PostWebhookUrl",
              globalUrl,
              ours,
              "POST /v1/Configuration/Webhooks"));
      return;
    }
    if (globalUrl.isEmpty()
        || !filtersAndMethodAreOurs(global.getFilters(), String.valueOf(global.getMethod()))) {
      twilio.call(
          "register conversations webhook",
          c ->
              Webhook.updater()
                  .setPostWebhookUrl(ours)
                  .setMethod("POST")
                  .setFilters(CONVERSATION_FILTERS)
                  .update(c));
    }
    LOG.info("Conversations events reach {} (account-wide)", ours);
  }

  private static void registerTaskRouter(
      TwilioGateway twilio, String workspaceSid, String ours, List<String> conflicts) {
    String current =
        twilio.call(
            "fetch TaskRouter workspace",
            c -> text(Workspace.fetcher(workspaceSid).fetch(c).getEventCallbackUrl()));
    if (same(current, ours)) {
      LOG.info("TaskRouter events of {} reach {}", workspaceSid, ours);
      return;
    }
    if (!current.isEmpty()) {
      conflicts.add(
          conflict(
              "TaskRouter workspace " + workspaceSid + " EventCallbackUrl",
              current,
              ours,
              "POST /v1/Workspaces/" + workspaceSid));
      return;
    }
    twilio.call(
        "register TaskRouter event callback",
        c -> Workspace.updater(workspaceSid).setEventCallbackUrl(URI.create(ours)).update(c));
    LOG.info("TaskRouter events of {} reach {}", workspaceSid, ours);
  }

  private static String conflict(String setting, String current, String ours, String fix) {
    String message =
        setting
            + " is "
            + current
            + ", not this service's "
            + ours
            + ": not overwritten. Another integration may rely on it: forward its events to "
            + ours
            + ", or point the setting here ("
            + fix
            + ") once nothing else needs it";
    LOG.error(message);
    return message;
  }

  private static boolean filtersAndMethodAreOurs(List<String> filters, String method) {
    return filters != null
        && filters.containsAll(CONVERSATION_FILTERS)
        && "POST".equalsIgnoreCase(method);
  }

  static boolean same(String url, String ours) {
    return normal(url).equals(normal(ours));
  }

  private static String normal(String url) {
    return url.trim().replaceAll("/+$", "").replaceFirst(":443/", "/").toLowerCase(Locale.ROOT);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
