package dev.flexkit;

import dev.flexkit.auth.BackOfficeKey;
import dev.flexkit.capability.Contributions;
import dev.flexkit.config.AppConfig;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.config.SandboxSettings;
import dev.flexkit.outbound.OutboundSettings;
import dev.flexkit.sandbox.SandboxModule;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.taskrouter.TaskRouter;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import dev.flexkit.twilio.TwilioClients;
import dev.flexkit.twilio.TwilioGateway;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Twilio sandbox, served by this process at {@code /twilio/*} beside its control API and agent
 * desktop. The kit reaches it over HTTP like real Twilio, with the seeded account's credentials and
 * set-up; it is known only once the port is bound.
 */
final class SandboxTwilio implements TwilioTarget {
  private final AppConfig config;
  private final SandboxModule sandbox;
  private final AtomicReference<URI> emulatorUrl = new AtomicReference<>();
  private final TwilioGateway gateway;

  SandboxTwilio(AppConfig config) {
    this.config = config;
    SandboxSettings settings = config.sandboxSettings();
    this.sandbox = SandboxModule.create(Clock.systemUTC(), settings.authToken().orElse(null));
    settings
        .specDir()
        .ifPresent(dir -> sandbox.checkingAnswersAgainst(dir, settings.specReport().orElse(null)));
    this.gateway =
        TwilioClients.emulated(
            emulatorUrl::get,
            world().account().accountSid(),
            world().account().authToken(),
            config.twilioGateway());
  }

  private SandboxWorld world() {
    return sandbox.world();
  }

  @Override
  public Optional<SandboxWorld> sandbox() {
    return Optional.of(world());
  }

  @Override
  public TwilioGateway gateway() {
    return gateway;
  }

  @Override
  public Clock clock() {
    return sandbox.clock();
  }

  @Override
  public FlexSettings flex() {
    TaskRouter taskRouter = world().taskRouter();
    return FlexSettings.known(
        taskRouter.workspaceSid(),
        taskRouter.defaultWorkflowSid(),
        world().numbers().sms(),
        world().numbers().whatsapp());
  }

  @Override
  public OutboundSettings outbound() {
    return new OutboundSettings(
        TaskRouterSeed.EVERYONE_QUEUE_SID,
        // Made through the Twilio API at start, as on a fresh account (#12).
        Optional.empty(),
        config.outbound().closedTimer(),
        config.outbound().smsTaskChannel(),
        config.outbound().whatsappTaskChannel());
  }

  @Override
  public Optional<String> webhookSigningKey() {
    return Optional.of(world().account().authToken());
  }

  /**
   * Without a configured key the sandbox makes one up and shows it, so the back-office endpoints
   * can be tried at once.
   */
  @Override
  public Optional<String> backOfficeKey(Optional<String> configured) {
    String key = configured.orElseGet(BackOfficeKey::generate);
    world().showBackOfficeApiKey(key);
    return Optional.of(key);
  }

  @Override
  public void onClockJump(Runnable hook) {
    // A clock jump fires due timers before the jump's HTTP call returns, as the sandbox promises.
    sandbox.clock().onAdvance(hook);
  }

  @Override
  public void contribute(Contributions to) {
    to.resources(sandbox.resources())
        .bind(world(), SandboxWorld.class)
        .mount(sandbox.twilioEmulator())
        .link("agentDesktop", "/sandbox/")
        .whenStarted(
            started ->
                emulatorUrl.set(
                    URI.create(
                        "http://"
                            + loopback(config.bindHost())
                            + ":"
                            + started.port()
                            + "/twilio")))
        // Its webhooks go to this service, which now refuses them: nothing to deliver to.
        .onStopping(() -> world().webhooks().close())
        .onStopped(world()::close);
  }

  /** Where this process reaches its own emulator: loopback unless bound to one address only. */
  private static String loopback(String bindHost) {
    return bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
  }
}
