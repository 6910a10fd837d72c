package dev.flexkit.webhooks;

import com.twilio.rest.conversations.v1.configuration.Webhook;
import com.twilio.rest.taskrouter.v1.Workspace;
import dev.flexkit.twilio.TwilioGateway;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the account's Conversations post-event webhook and the workspace's event callback at this
 * service, so every conversation (not only the ones we create) reaches the capabilities.
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

  private WebhookRegistration() {}

  public static void register(TwilioGateway twilio, URI publicBaseUrl, String workspaceSid) {
    String base = publicBaseUrl.toString().replaceAll("/+$", "");
    twilio.call(
        "register conversations webhook",
        c ->
            Webhook.updater()
                .setPostWebhookUrl(base + "/webhooks/conversations")
                .setMethod("POST")
                .setFilters(CONVERSATION_FILTERS)
                .update(c));
    twilio.call(
        "register TaskRouter event callback",
        c ->
            Workspace.updater(workspaceSid)
                .setEventCallbackUrl(URI.create(base + "/webhooks/taskrouter"))
                .update(c));
    LOG.info("Twilio webhooks point at {}/webhooks/(conversations|taskrouter)", base);
  }
}
