package dev.flexkit;

import dev.flexkit.config.AppConfig;
import dev.flexkit.config.ConfigLoader;
import dev.flexkit.config.ConfigSource;
import dev.flexkit.config.InvalidConfigException;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.store.StoreUnavailableException;
import java.nio.file.Path;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** {@code java -jar flex-messaging-kit.jar [server|sandbox|check]}. */
public final class App {
  private static final int EXIT_CONFIG = 2;
  private static final int EXIT_START = 1;
  private static final int EXIT_USAGE = 64;

  private App() {}

  public static void main(String[] args) {
    // Jersey and HK2 log through java.util.logging; route it to the same one-line-per-event log.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    String command = args.length == 0 ? "server" : args[0];
    if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
      System.out.println("usage: java -jar flex-messaging-kit.jar [server|sandbox|check]");
      System.out.println(
          "  server   start the service (default); sandbox mode when TWILIO_ACCOUNT_SID is unset");
      System.out.println(
          "  sandbox  start only the Twilio sandbox (emulator at /twilio, control API at /sandbox/api,");
      System.out.println(
          "           agent desktop at /sandbox/) for any Twilio client; TWILIO_* settings are ignored");
      System.out.println("  check    validate the configuration and exit");
      System.out.println(
          "  warm-up  start the embedded default on a free port, answer once and stop (the build records");
      System.out.println("           its class-data archive with it); reads no settings");
      return;
    }
    if (command.equals("warm-up")) {
      try {
        WarmUp.run();
      } catch (Exception e) {
        fail(EXIT_START, "warm-up failed: " + e.getMessage());
      }
      System.exit(0);
    }
    if (!command.equals("server") && !command.equals("check") && !command.equals("sandbox")) {
      fail(EXIT_USAGE, "unknown command '" + command + "' (expected server, sandbox or check)");
    }

    AppConfig config = null;
    try {
      ConfigSource source = ConfigSource.fromEnvironment(Path.of("").toAbsolutePath());
      config =
          ConfigLoader.load(
              command.equals("sandbox")
                  ? source
                      .without("TWILIO_ACCOUNT_SID")
                      .without("TWILIO_AUTH_TOKEN")
                      .without("TWILIO_API_")
                      .without("TWILIO_EMULATOR_CLOCK_URL")
                  : source);
    } catch (InvalidConfigException e) {
      fail(EXIT_CONFIG, "invalid configuration: " + e.getMessage());
    }
    if (command.equals("check")) {
      System.out.println(
          "configuration OK: "
              + config.mode().wireName()
              + " mode, store "
              + config.database().redactedUrl());
      return;
    }

    try {
      if (command.equals("sandbox")) {
        FlexMessagingKit kit = FlexMessagingKit.startSandboxOnly(config);
        printSandbox(kit);
        kit.join();
        return;
      }
      FlexMessagingKit kit = FlexMessagingKit.start(config);
      if (kit.sandbox().isPresent()) {
        printSandbox(kit);
      }
      kit.join();
    } catch (StoreUnavailableException e) {
      fail(EXIT_START, "store unavailable: " + e.getMessage());
    } catch (PortUnavailableException e) {
      fail(EXIT_START, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What a Twilio client needs to use the sandbox, on stdout so scripts can read it. */
  private static void printSandbox(FlexMessagingKit kit) {
    var account = kit.sandbox().orElseThrow().account();
    String base = kit.localUrl() + "/twilio";
    System.out.println("Twilio sandbox ready");
    System.out.println(
        "  base URL:     "
            + base
            + "   (https://{product}.twilio.com/X is "
            + base
            + "/{product}/X)");
    System.out.println("  account SID:  " + account.accountSid());
    System.out.println("  auth token:   " + account.authToken());
    System.out.println("  control API:  " + kit.localUrl() + "/sandbox/api/info");
    SandboxWorld world = kit.sandbox().orElseThrow();
    System.out.println("  workspace:    " + world.taskRouter().workspaceSid());
    world
        .taskRouter()
        .workflowNames()
        .forEach(w -> System.out.println("  workflow:     " + w.sid() + "  " + w.name()));
    world
        .taskRouter()
        .queueNames()
        .forEach(q -> System.out.println("  queue:        " + q.sid() + "  " + q.name()));
    world
        .taskRouter()
        .workerStates()
        .forEach(
            w ->
                System.out.println(
                    "  agent:        "
                        + w.sid()
                        + "  "
                        + w.friendlyName()
                        + " ("
                        + w.activity()
                        + ")"));
    world.numbers().sms().forEach(n -> System.out.println("  SMS number:   " + n));
    world.numbers().whatsapp().forEach(n -> System.out.println("  WhatsApp:     " + n));
    world
        .content()
        .all()
        .forEach(
            t ->
                System.out.println(
                    "  template:     "
                        + t.sid()
                        + "  "
                        + t.friendlyName()
                        + (t.approvedForWhatsApp() ? " (approved)" : " (not approved)")));
    world
        .backOfficeApiKey()
        .ifPresent(
            k ->
                System.out.println(
                    "  back-office API key: "
                        + k
                        + "   (X-Api-Key, for /flex-initiate-outbound-sms[-task])"));
    System.out.println("  agent desktop: " + kit.localUrl() + "/sandbox/");
    System.out.flush();
  }

  private static void fail(int status, String oneLine) {
    System.err.println("flex-messaging-kit: " + oneLine.replace('\n', ' '));
    System.exit(status);
  }
}
