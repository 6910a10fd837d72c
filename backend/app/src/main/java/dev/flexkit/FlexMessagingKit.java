package dev.flexkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import dev.flexkit.auth.AgentAuthFilter;
import dev.flexkit.auth.BackOfficeKey;
import dev.flexkit.auth.FlexTokenValidator;
import dev.flexkit.auth.MeResource;
import dev.flexkit.auth.TwilioWebhookFilter;
import dev.flexkit.auth.WebhookVerifier;
import dev.flexkit.config.AppConfig;
import dev.flexkit.config.TwilioCredentials;
import dev.flexkit.twilio.EmulatorClock;
import dev.flexkit.twilio.TwilioClients;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.webhooks.TwilioEventBus;
import dev.flexkit.webhooks.TwilioWebhooksResource;
import dev.flexkit.webhooks.WebhookRegistration;
import dev.flexkit.webhooks.WebhookRegistrationCheck;
import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.health.HealthCheck;
import dev.flexkit.health.HealthChecks;
import dev.flexkit.health.HealthResource;
import dev.flexkit.inactivity.InactivityConfig;
import dev.flexkit.inactivity.InactivityHealthCheck;
import dev.flexkit.inactivity.InactivityResource;
import dev.flexkit.inactivity.InactivityScheduler;
import dev.flexkit.inactivity.InactivityService;
import dev.flexkit.inactivity.InactivityTimers;
import dev.flexkit.inactivity.TwilioInactivityActions;
import dev.flexkit.inactivity.TwilioLiveTasks;
import dev.flexkit.whatsapp.WhatsappWindows;
import dev.flexkit.plugin.PluginBundleResource;
import dev.flexkit.outbound.Outbound;
import dev.flexkit.outbound.OutboundSettings;
import dev.flexkit.sandbox.SandboxModule;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.http.ServletMount;
import java.util.ArrayList;
import dev.flexkit.store.Database;
import dev.flexkit.store.DatabaseHealthCheck;
import dev.flexkit.store.StoreUnavailableException;
import dev.flexkit.web.ApiExceptionMapper;
import dev.flexkit.web.BuildInfo;
import dev.flexkit.web.HttpServer;
import dev.flexkit.web.JsonInputExceptionMapper;
import dev.flexkit.web.ObjectMappers;
import dev.flexkit.web.OpenApiDocument;
import dev.flexkit.web.OpenApiResource;
import dev.flexkit.web.RootResource;
import dev.flexkit.web.UncaughtExceptionMapper;
import dev.flexkit.web.WebApplicationExceptionMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: configuration, then the store, then resources, then health checks, then
 * the HTTP server. It alone decides sandbox or live; product code never looks at the mode.
 */
public final class FlexMessagingKit {
  private static final Logger LOG = LoggerFactory.getLogger(FlexMessagingKit.class);

  private final Server server;
  private final URI localUrl;
  private final URI publicBaseUrl;

  private final SandboxWorld sandbox;

  private FlexMessagingKit(Server server, URI localUrl, URI publicBaseUrl, SandboxWorld sandbox) {
    this.server = server;
    this.sandbox = sandbox;
    this.localUrl = localUrl;
    this.publicBaseUrl = publicBaseUrl;
  }

  public static FlexMessagingKit start(AppConfig config) {
    return start(config, Set.of());
  }

  /** {@code extraResources}: more JAX-RS classes beside the product's (tests use it for probe endpoints). */
  public static FlexMessagingKit start(AppConfig config, Set<Class<?>> extraResources) {
    return start(config, extraResources, false);
  }

  /**
   * {@code java -jar … sandbox}: only the sandbox (emulator, control API, agent desktop) for
   * clients of its own; no product endpoints and no store.
   */
  public static FlexMessagingKit startSandboxOnly(AppConfig config) {
    return start(config, Set.of(), true);
  }

  private static FlexMessagingKit start(AppConfig config, Set<Class<?>> extraResources, boolean sandboxOnly) {
    long startedAt = System.nanoTime();
    SandboxModule sandbox = sandboxOnly || config.sandbox()
        ? SandboxModule.create(Clock.systemUTC(), config.sandboxSettings().authToken().orElse(null)) : null;
    if (sandbox != null && config.sandboxSettings().specDir().isPresent()) {
      sandbox.checkingAnswersAgainst(config.sandboxSettings().specDir().get(), config.sandboxSettings().specReport().orElse(null));
    }
    // Live mode against an emulator whose tests move time (TWILIO_EMULATOR_CLOCK_URL) follows its clock.
    EmulatorClock emulatorClock = sandbox == null
        ? config.twilioGateway().emulatorClockUrl().map(u -> EmulatorClock.following(u, Duration.ofMillis(200))).orElse(null)
        : null;
    Clock clock = sandbox != null ? sandbox.clock() : emulatorClock != null ? emulatorClock : Clock.systemUTC();
    Database database = sandboxOnly ? null : Database.openInBackground(prepare(config.database(), config), config.databasePoolSize());
    AtomicReference<URI> publicUrl = new AtomicReference<>(config.publicBaseUrl().orElse(null));

    // Twilio: the sandbox on our own port (known once listening), or real Twilio.
    AtomicReference<URI> emulatorUrl = new AtomicReference<>();
    TwilioGateway twilio = sandbox != null
        ? TwilioClients.emulated(emulatorUrl::get, sandbox.world().account().accountSid(),
            sandbox.world().account().authToken(), config.twilioGateway())
        : live(config.twilio().orElseThrow(), config);
    FlexTokenValidator flexTokens = new FlexTokenValidator(twilio::validateFlexToken, clock);
    Optional<String> webhookKey = sandbox != null ? Optional.of(sandbox.world().account().authToken())
        : config.twilio().flatMap(TwilioCredentials::webhookSigningKey);
    WebhookVerifier webhooks = new WebhookVerifier(publicUrl::get, () -> webhookKey);

    FlexSettings flexSettings = sandbox != null
        ? FlexSettings.sandbox(sandbox.world().taskRouter().workspaceSid(), sandbox.world().taskRouter().defaultWorkflowSid(),
            sandbox.world().numbers().sms(), sandbox.world().numbers().whatsapp())
        : config.flex();
    TwilioEventBus events = new TwilioEventBus();

    // --- outbound ---
    OutboundSettings outboundSettings = sandbox != null
        ? new OutboundSettings(TaskRouterSeed.EVERYONE_QUEUE_SID, Optional.of(TaskRouterSeed.KNOWN_AGENT_WORKFLOW_SID),
            config.outbound().closedTimer())
        : new OutboundSettings(config.outbound().queueSid().orElse(""), config.outbound().knownAgentWorkflowSid(),
            config.outbound().closedTimer());
    // Sandbox mode without a configured key makes one up and shows it, so the back-office endpoints can be tried at once.
    Optional<String> backOfficeKey = config.outbound().backofficeApiKey()
        .or(() -> sandbox != null && !sandboxOnly ? Optional.of(BackOfficeKey.generate()) : Optional.empty());
    if (sandbox != null && !sandboxOnly) {
      backOfficeKey.ifPresent(sandbox.world()::showBackOfficeApiKey);
    }
    Outbound outbound = sandboxOnly ? null : Outbound.wire(twilio, flexSettings, database, clock, events,
        outboundSettings, config.outbound().cannedMessagesFile(), BackOfficeKey.of(backOfficeKey));
    // --- end outbound ---

    List<HealthCheck> checks = new ArrayList<>(sandboxOnly ? List.of() : List.of(new DatabaseHealthCheck(database)));
    boolean registersWebhooks = !sandboxOnly && flexSettings.registerWebhooks() && flexSettings.workspaceSid().isPresent();
    WebhookRegistrationCheck webhookRegistration = new WebhookRegistrationCheck();
    if (registersWebhooks) {
      checks.add(webhookRegistration);
    }
    ObjectMapper mapper = ObjectMappers.create();

    Set<Class<?>> resources = new LinkedHashSet<>(sandboxOnly
        ? List.of(HealthResource.class, PluginBundleResource.class)
        : List.of(RootResource.class, HealthResource.class, PluginBundleResource.class, MeResource.class,
            TwilioWebhooksResource.class));
    if (outbound != null) {
      resources.addAll(Outbound.RESOURCES); // --- outbound ---
    }
    resources.addAll(extraResources);
    List<ServletMount> mounts = new ArrayList<>();
    if (sandbox != null) {
      resources.addAll(sandbox.resources());
      mounts.add(sandbox.twilioEmulator());
    }

    List<Runnable> onStopping = new ArrayList<>();
    if (emulatorClock != null) {
      onStopping.add(emulatorClock::close); // no more clock jumps set off sweeps while the store closes
    }
    ResourceConfig jersey = new ResourceConfig();
    jersey.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    jersey.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    jersey.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
    jersey.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    jersey.register(new JacksonJsonProvider(mapper));
    jersey.register(ApiExceptionMapper.class);
    jersey.register(WebApplicationExceptionMapper.class);
    jersey.register(JsonInputExceptionMapper.class);
    jersey.register(UncaughtExceptionMapper.class);
    jersey.register(AgentAuthFilter.class);
    jersey.register(TwilioWebhookFilter.class);
    if (outbound != null) {
      Outbound.PROVIDERS.forEach(jersey::register); // --- outbound ---
    }
    // --- transfer ---
    if (!sandboxOnly) {
      dev.flexkit.transfer.TransferModule transfer =
          dev.flexkit.transfer.TransferModule.create(twilio, flexSettings, database, clock, events);
      resources.addAll(transfer.resources());
      jersey.register(transfer.binder());
    }
    // --- end transfer ---
    jersey.register(new AbstractBinder() {
      @Override
      protected void configure() {
        bind(config).to(AppConfig.class);
        bind(clock).to(Clock.class);
        if (database != null) {
          bind(database).to(Database.class);
        }
        bind(twilio).to(TwilioGateway.class);
        bind(flexSettings).to(FlexSettings.class);
        bind(events).to(TwilioEventBus.class);
        bind(flexTokens).to(FlexTokenValidator.class);
        bind(webhooks).to(WebhookVerifier.class);
        bind(mapper).to(ObjectMapper.class);
        bind(new HealthChecks(checks)).to(HealthChecks.class);
        if (outbound != null) {
          outbound.bindInto(this); // --- outbound ---
        }
        if (sandbox != null) {
          bind(sandbox.world()).to(SandboxWorld.class);
        }
        bind(new OpenApiDocument(resources, () -> publicUrl.get().toString())).to(OpenApiDocument.class);
      }
    });
    // --- inactivity ---
    if (!sandboxOnly) {
      InactivityConfig inactivityConfig = new InactivityConfig(twilio, clock);
      InactivityService inactivity = new InactivityService(new InactivityTimers(database), inactivityConfig,
          new TwilioInactivityActions(twilio), new WhatsappWindows(database, clock),
          flexSettings.workspaceSid().map(ws -> new TwilioLiveTasks(twilio, ws)).orElse(null), clock,
          config.twilioGateway().maxConcurrency());
      events.onConversationEvent(inactivity::onConversationEvent);
      events.onTaskRouterEvent(inactivity::onTaskRouterEvent);
      checks.add(new InactivityHealthCheck(inactivityConfig));
      resources.add(InactivityResource.class);
      jersey.register(new AbstractBinder() {
        @Override
        protected void configure() {
          bind(inactivity).to(InactivityService.class);
        }
      });
      InactivityScheduler inactivityScheduler = new InactivityScheduler(inactivity).start(1_000);
      if (sandbox != null) {
        // A clock jump fires due timers before the jump's HTTP call returns, as the sandbox promises.
        sandbox.clock().onAdvance(inactivityScheduler::runNow);
      }
      if (emulatorClock != null) {
        emulatorClock.onJump(inactivityScheduler::runNow);
      }
      onStopping.add(inactivityScheduler::close);
    }
    // --- end inactivity ---
    resources.forEach(jersey::register);
    jersey.register(OpenApiResource.class);

    Server server = HttpServer.build(config, jersey, mounts);
    server.addEventListener(new LifeCycle.Listener() {
      @Override
      public void lifeCycleStopping(LifeCycle event) {
        if (sandbox != null) {
          // Its webhooks go to this service, which now refuses them: nothing to deliver to.
          sandbox.world().webhooks().close();
        }
        onStopping.forEach(Runnable::run);
      }
    });
    server.addEventListener(new LifeCycle.Listener() {
      @Override
      public void lifeCycleStopped(LifeCycle event) {
        if (database != null) {
          database.close();
        }
        if (sandbox != null) {
          sandbox.world().close();
        }
        LOG.info("stopped; store closed");
      }
    });
    try {
      server.start();
    } catch (Exception e) {
      if (database != null) {
        database.close();
      }
      stopQuietly(server);
      if (e instanceof IOException) {
        throw new PortUnavailableException("cannot listen on " + config.bindHost() + ":" + config.port() + ": " + e.getMessage(), e);
      }
      throw new IllegalStateException("server failed to start", e);
    }

    try {
      if (database != null) {
        database.awaitReady();
      }
    } catch (StoreUnavailableException e) {
      stopQuietly(server);
      throw e;
    }

    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    emulatorUrl.set(URI.create("http://" + loopback(config.bindHost()) + ":" + port + "/twilio"));
    URI local = URI.create("http://" + displayHost(config.bindHost()) + ":" + port);
    publicUrl.compareAndSet(null, config.publicBaseUrlOr(port));
    if (registersWebhooks) {
      URI webhookBase = publicUrl.get();
      webhookRegistration.register(() -> WebhookRegistration.register(twilio, webhookBase, flexSettings.workspaceSid().get()));
    }
    long ms = (System.nanoTime() - startedAt) / 1_000_000;
    if (sandboxOnly) {
      LOG.info("Twilio sandbox {} started on {} in {} ms", BuildInfo.version(), local, ms);
    } else {
      LOG.info("Flex Messaging Kit {} started in {} mode on {} in {} ms (store: {})",
          BuildInfo.version(), config.mode().wireName(), local, ms, config.database().redactedUrl());
    }
    if (sandbox != null) {
      LOG.info("Sandbox agent desktop: {}/sandbox/", local);
    }
    if (!PluginBundleResource.bundlePresent()) {
      LOG.warn("the plugin bundle is missing from this jar; build it with mvn package");
    }
    return new FlexMessagingKit(server, local, publicUrl.get(), sandbox == null ? null : sandbox.world());
  }

  private static DatabaseSettings prepare(DatabaseSettings settings, AppConfig config) {
    if (settings.vendor() == DatabaseSettings.Vendor.H2 && settings.jdbcUrl().startsWith("jdbc:h2:file:")) {
      try {
        Files.createDirectories(config.dataDir());
      } catch (IOException e) {
        throw new StoreUnavailableException("cannot create data directory " + config.dataDir() + ": " + e.getMessage(), e);
      }
    }
    return settings;
  }

  private static TwilioGateway live(TwilioCredentials credentials, AppConfig config) {
    return TwilioClients.live(credentials.accountSid(), credentials.username(), credentials.password(), config.twilioGateway());
  }

  /** Where this process reaches its own emulator: loopback unless bound to one address only. */
  private static String loopback(String bindHost) {
    return bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
  }

  private static String displayHost(String bindHost) {
    return bindHost.equals("0.0.0.0") || bindHost.equals("127.0.0.1") ? "localhost" : bindHost;
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception ignored) {
      // Start-up already failed; the original cause is what matters.
    }
  }

  /** The sandbox, in sandbox mode: for tests and the standalone emulator, never for product code. */
  public java.util.Optional<SandboxWorld> sandbox() {
    return java.util.Optional.ofNullable(sandbox);
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
