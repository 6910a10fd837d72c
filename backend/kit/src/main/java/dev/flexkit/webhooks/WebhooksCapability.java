package dev.flexkit.webhooks;

import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;
import dev.flexkit.capability.KitServices;
import dev.flexkit.health.RetriedStartupStep;

/**
 * The signed endpoints Twilio posts its events to, fanned out to the capabilities' listeners. With
 * {@code TWILIO_REGISTER_WEBHOOKS=true} it points the account's webhooks here at start, and the
 * service is not ready until that worked.
 */
public final class WebhooksCapability implements Capability {
  static final String REGISTRATION = "twilioWebhooks";

  private final KitServices kit;

  public WebhooksCapability(KitServices kit) {
    this.kit = kit;
  }

  @Override
  public void contribute(Contributions to) {
    to.resources(TwilioWebhooksResource.class);
    kit.flex()
        .workspaceSid()
        .filter(ws -> kit.flex().registerWebhooks())
        .ifPresent(
            workspaceSid -> {
              // Until they point here, customer messages and TaskRouter events would be lost.
              RetriedStartupStep registration =
                  new RetriedStartupStep(REGISTRATION, "registering Twilio webhooks");
              to.healthCheck(registration)
                  .whenStarted(
                      started ->
                          registration.run(
                              () ->
                                  WebhookRegistration.register(
                                      kit.twilio(), started.publicBaseUrl(), workspaceSid),
                              "Conversations and TaskRouter events point here"));
            });
  }
}
