package dev.flexkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.auth.BackOfficeKey;
import dev.flexkit.auth.FlexTokenValidator;
import dev.flexkit.auth.WebhookVerifier;
import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;
import dev.flexkit.capability.KitServices;
import dev.flexkit.capability.StartedService;
import dev.flexkit.config.AppConfig;
import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.health.HealthCapability;
import dev.flexkit.inactivity.InactivityCapability;
import dev.flexkit.outbound.OutboundCapability;
import dev.flexkit.plugin.PluginCapability;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.store.Database;
import dev.flexkit.store.StoreCapability;
import dev.flexkit.store.StoreUnavailableException;
import dev.flexkit.templates.TemplatesCapability;
import dev.flexkit.transfer.TransferCapability;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.BuildInfo;
import dev.flexkit.web.HttpServer;
import dev.flexkit.web.ObjectMappers;
import dev.flexkit.web.ServiceInfoCapability;
import dev.flexkit.webhooks.TwilioEventBus;
import dev.flexkit.webhooks.WebhooksCapability;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root. It picks the Twilio to talk to (the one place the modes differ), lists the
 * capabilities, and turns what they contribute into the HTTP server and its lifecycle.
 */
public final class FlexMessagingKit {
  private static final Logger LOG = LoggerFactory.getLogger(FlexMessagingKit.class);

  private final Server server;
  private final URI localUrl;
  private final URI publicBaseUrl;
  private final Optional<SandboxWorld> sandbox;

  private FlexMessagingKit(
      Server server, URI localUrl, URI publicBaseUrl, Optional<SandboxWorld> sandbox) {
    this.server = server;
    this.localUrl = localUrl;
    this.publicBaseUrl = publicBaseUrl;
    this.sandbox = sandbox;
  }

  public static FlexMessagingKit start(AppConfig config) {
    return start(config, Set.of());
  }

  /**
   * {@code extraResources}: more JAX-RS classes beside the product's (tests use it for probe
   * endpoints).
   */
  public static FlexMessagingKit start(AppConfig config, Set<Class<?>> extraResources) {
    long startedAt = System.nanoTime();
    TwilioTarget twilio = config.sandbox() ? new SandboxTwilio(config) : new LiveTwilio(config);
    Database database =
        Database.openInBackground(prepare(config.database(), config), config.databasePoolSize());
    KitServices kit =
        new KitServices(config, twilio.gateway(), twilio.flex(), database, twilio.clock());
    List<Capability> capabilities =
        List.of(
            twilio,
            new StoreCapability(database),
            new ServiceInfoCapability(),
            new HealthCapability(),
            new PluginCapability(),
            new WebhooksCapability(kit),
            new OutboundCapability(
                kit,
                twilio.outbound(),
                BackOfficeKey.of(twilio.backOfficeKey(config.outbound().backofficeApiKey()))),
            new TemplatesCapability(kit, config.outbound().cannedMessagesFile()),
            new InactivityCapability(kit),
            new TransferCapability(kit, Optional.of(twilio.outbound().queueSid())));
    FlexMessagingKit started = serve(config, twilio, capabilities, extraResources);
    LOG.info(
        "Flex Messaging Kit {} started in {} mode on {} in {} ms (store: {})",
        BuildInfo.version(),
        config.mode().wireName(),
        started.localUrl,
        millisSince(startedAt),
        config.database().redactedUrl());
    started.sandbox.ifPresent(
        world -> LOG.info("Sandbox agent desktop: {}/sandbox/", started.localUrl));
    return started;
  }

  /**
   * {@code java -jar … sandbox}: only the sandbox (emulator, control API, agent desktop) for
   * clients of its own; no product endpoints and no store.
   */
  public static FlexMessagingKit startSandboxOnly(AppConfig config) {
    long startedAt = System.nanoTime();
    SandboxTwilio twilio = new SandboxTwilio(config);
    FlexMessagingKit started =
        serve(
            config,
            twilio,
            List.of(twilio, new HealthCapability(), new PluginCapability()),
            Set.of());
    LOG.info(
        "Twilio sandbox {} started on {} in {} ms",
        BuildInfo.version(),
        started.localUrl,
        millisSince(startedAt));
    LOG.info("Sandbox agent desktop: {}/sandbox/", started.localUrl);
    return started;
  }

  private static FlexMessagingKit serve(
      AppConfig config,
      TwilioTarget twilio,
      List<Capability> capabilities,
      Set<Class<?>> extraResources) {
    AtomicReference<URI> publicUrl = new AtomicReference<>(config.publicBaseUrl().orElse(null));
    TwilioEventBus events = new TwilioEventBus();
    Contributions contributions = new Contributions(events);
    capabilities.forEach(capability -> capability.contribute(contributions));
    contributions.clockJumps().forEach(twilio::onClockJump);

    ObjectMapper mapper = ObjectMappers.WIRE;
    Clock clock = twilio.clock();
    FlexSettings flex = twilio.flex();
    TwilioGateway gateway = twilio.gateway();
    Optional<String> webhookKey = twilio.webhookSigningKey();
    contributions
        .bind(config, AppConfig.class)
        .bind(clock, Clock.class)
        .bind(gateway, TwilioGateway.class)
        .bind(flex, FlexSettings.class)
        .bind(events, TwilioEventBus.class)
        .bind(new FlexTokenValidator(gateway::validateFlexToken, clock), FlexTokenValidator.class)
        .bind(new WebhookVerifier(publicUrl::get, () -> webhookKey), WebhookVerifier.class)
        .bind(mapper, ObjectMapper.class);

    Server server =
        HttpServer.build(
            config,
            KitJersey.of(contributions, extraResources, mapper, publicUrl::get),
            contributions.mounts());
    server.addEventListener(
        new LifeCycle.Listener() {
          @Override
          public void lifeCycleStopping(LifeCycle event) {
            contributions.stopping().forEach(Runnable::run);
          }

          @Override
          public void lifeCycleStopped(LifeCycle event) {
            contributions.stopped().forEach(Runnable::run);
            LOG.info("stopped; store closed");
          }
        });
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      if (e instanceof IOException) {
        throw new PortUnavailableException(
            "cannot listen on " + config.bindHost() + ":" + config.port() + ": " + e.getMessage(),
            e);
      }
      throw new IllegalStateException("server failed to start", e);
    }
    try {
      contributions.whenReady().forEach(Runnable::run);
    } catch (StoreUnavailableException e) {
      stopQuietly(server);
      throw e;
    }

    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    URI local = URI.create("http://" + displayHost(config.bindHost()) + ":" + port);
    publicUrl.compareAndSet(null, config.publicBaseUrlOr(port));
    StartedService started = new StartedService(port, local, publicUrl.get());
    contributions.whenStarted().forEach(step -> step.accept(started));
    return new FlexMessagingKit(server, local, publicUrl.get(), twilio.sandbox());
  }

  private static DatabaseSettings prepare(DatabaseSettings settings, AppConfig config) {
    if (settings.vendor() == DatabaseSettings.Vendor.H2
        && settings.jdbcUrl().startsWith("jdbc:h2:file:")) {
      try {
        Files.createDirectories(config.dataDir());
      } catch (IOException e) {
        throw new StoreUnavailableException(
            "cannot create data directory " + config.dataDir() + ": " + e.getMessage(), e);
      }
    }
    return settings;
  }

  private static String displayHost(String bindHost) {
    return bindHost.equals("0.0.0.0") || bindHost.equals("127.0.0.1") ? "localhost" : bindHost;
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception ignored) {
      // Start-up already failed; the original cause is what matters.
    }
  }

  /**
   * The sandbox, in sandbox mode: for tests and the standalone emulator, never for product code.
   */
  public Optional<SandboxWorld> sandbox() {
    return sandbox;
  }

  public URI localUrl() {
    return localUrl;
  }

  public URI publicBaseUrl() {
    return publicBaseUrl;
  }

  public void join() throws InterruptedException {
    server.join();
  }

  public void stop() throws Exception {
    server.stop();
  }
}
