package dev.flexkit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.conversations.ServiceWebhooks;
import dev.flexkit.twilio.TwilioGateway;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration reads each setting first and never takes a URL that is not the kit's (R19). */
class WebhookRegistrationTest {
  private static final URI OURS = URI.create("https://kit.example.com");
  private static final String OTHER = "https://other-integration.example.com/hooks";

  private static TwilioGateway gateway(RunningKit kit) {
    return dev.flexkit.twilio.TwilioGatewayTest.gatewayTo(kit);
  }

  @Test
  void anotherIntegrationsUrlsAreReportedAndLeftAlone() throws Exception {
    try (RunningKit kit = RunningKit.start()) {
      var conversations = kit.sandbox().conversations();
      var taskRouter = kit.sandbox().taskRouter();
      conversations.configureServiceWebhooks(
          new ServiceWebhooks(null, OTHER, List.of("onMessageAdded"), "POST", "webhook"));
      String workspace = taskRouter.workspaceSid();
      gateway(kit)
          .call(
              "another integration's callback",
              c ->
                  com.twilio.rest.taskrouter.v1.Workspace.updater(workspace)
                      .setEventCallbackUrl(URI.create(OTHER))
                      .update(c));

      assertThatThrownBy(() -> WebhookRegistration.register(gateway(kit), OURS, workspace))
          .isInstanceOf(WebhookRegistration.ForeignWebhookException.class)
          .hasMessageContaining("Conversations account-wide PostWebhookUrl is " + OTHER)
          .hasMessageContaining("EventCallbackUrl is " + OTHER);
      assertThat(conversations.serviceWebhooks().postWebhookUrl()).isEqualTo(OTHER);
    }
  }

  @Test
  void theFlexServicesOwnWebhookWinsSoAForeignOneThereBlocksRegistration() throws Exception {
    try (RunningKit kit = RunningKit.start()) {
      var conversations = kit.sandbox().conversations();
      conversations.configureFlexServiceWebhooks(
          new ServiceWebhooks(null, OTHER, List.of("onMessageAdded"), "POST", null));
      conversations.configureServiceWebhooks(ServiceWebhooks.none());
      String workspace = kit.sandbox().taskRouter().workspaceSid();
      assertThatThrownBy(() -> WebhookRegistration.register(gateway(kit), OURS, workspace))
          .hasMessageContaining("service-scoped, it overrides the account-wide one: R19")
          .hasMessageContaining(OTHER);
      assertThat(conversations.serviceWebhooks().postWebhookUrl())
          .as("no account-wide registration that would never fire")
          .isNull();

      URI kitUrl = kit.kit().publicBaseUrl();
      String ours = kitUrl.toString().replaceAll("/+$", "") + "/webhooks/conversations";
      conversations.configureFlexServiceWebhooks(
          new ServiceWebhooks(null, ours, List.of("onMessageAdded"), "POST", null));
      WebhookRegistration.register(gateway(kit), kitUrl, workspace);
      assertThat(conversations.flexServiceWebhooks().filters())
          .containsAll(WebhookRegistration.CONVERSATION_FILTERS);
      assertThat(conversations.serviceWebhooks().postWebhookUrl()).isNull();
    }
  }
}
