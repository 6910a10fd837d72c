package dev.flexkit.webhooks;

import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;
import dev.flexkit.capability.KitServices;

/**
 * The signed endpoints Twilio posts its events to: stored in the inbox, then fanned out to the
 * capabilities' listeners by the inbox processor. With {@code TWILIO_REGISTER_WEBHOOKS=true} it
 * points the account's webhooks here at start, and the service is not ready until that worked.
 */
public final class WebhooksCapability implements Capability {
  static final String REGISTRATION = "twilioWebhooks";

  /** A replica that stops renewing its claims loses them this long after. */
  static final long LEASE_MILLIS = 30_000;

  private static final long POLL_MILLIS = 250;
  private static final int LISTENER_THREADS = 16;

  private final KitServices kit;

  public WebhooksCapability(KitServices kit) {
    this.kit = kit;
  }

  @Override
  public void contribute(Contributions to) {
    WebhookInbox inbox = new WebhookInbox(kit.database());
    InboxProcessor processor =
        new InboxProcessor(
            inbox,
            to.events(),
            System::currentTimeMillis,
            LEASE_MILLIS,
            POLL_MILLIS,
            LISTENER_THREADS);
    InboxWriter writer = new InboxWriter(inbox, processor::wake);
    to.resources(TwilioWebhooksResource.class)
        .bind(writer, InboxWriter.class)
        .healthCheck(new WebhookInboxCheck(inbox, processor.lag(), to.events()))
        .whenReady(processor::start)
        .onStopping(processor::close)
        .onStopped(writer::close);
    kit.flex()
        .workspaceSid()
        .filter(ws -> kit.flex().registerWebhooks())
        .ifPresent(
            workspaceSid -> {
              // Until they point here, customer messages and TaskRouter events would be lost.
              to.startupStep(
                  REGISTRATION,
                  "registering Twilio webhooks",
                  started ->
                      WebhookRegistration.register(
                          kit.twilio(), started.publicBaseUrl(), workspaceSid),
                  "Conversations and TaskRouter events point here");
            });
  }
}
