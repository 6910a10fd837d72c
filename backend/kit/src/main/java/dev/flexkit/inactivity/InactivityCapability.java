package dev.flexkit.inactivity;

import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;
import dev.flexkit.capability.KitServices;
import dev.flexkit.whatsapp.WhatsappWindows;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Idle customers are warned, then their chat is wrapped up, by timers kept in the store and swept
 * every second (and right after the followed clock jumps, so a jump's effects are visible when it
 * returns).
 */
public final class InactivityCapability implements Capability {
  private static final long POLL_MILLIS = 1_000;

  private final KitServices kit;

  public InactivityCapability(KitServices kit) {
    this.kit = kit;
  }

  @Override
  public void contribute(Contributions to) {
    InactivityConfig config = new InactivityConfig(kit.twilio(), kit.clock());
    ExecutorService reads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "inactivity-read");
              t.setDaemon(true);
              return t;
            });
    InactivityService service =
        new InactivityService(
            new InactivityTimers(kit.database()),
            config,
            new TwilioInactivityActions(kit.twilio()),
            new WhatsappWindows(kit.database(), kit.clock()),
            kit.flex()
                .workspaceSid()
                .map(ws -> new TwilioLiveTasks(kit.twilio(), ws, reads))
                .orElse(null),
            kit.clock(),
            kit.config().twilioGateway().maxConcurrency());
    InactivityScheduler scheduler = new InactivityScheduler(service);
    to.resources(InactivityResource.class)
        .bind(service, InactivityService.class)
        .onConversationEvent(service::onConversationEvent)
        .onTaskRouterEvent(service::onTaskRouterEvent)
        .healthCheck(new InactivityHealthCheck(config))
        .whenStarted(started -> scheduler.start(POLL_MILLIS))
        .onClockJump(scheduler::runNow)
        .onStopping(scheduler::close)
        .onStopped(reads::shutdown);
  }
}
