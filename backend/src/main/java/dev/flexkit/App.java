package dev.flexkit;

import dev.flexkit.config.AppConfig;
import dev.flexkit.config.ConfigLoader;
import dev.flexkit.config.ConfigSource;
import dev.flexkit.config.InvalidConfigException;
import dev.flexkit.store.StoreUnavailableException;
import java.nio.file.Path;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** {@code java -jar flex-messaging-kit.jar [server|check]}. */
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
      System.out.println("usage: java -jar flex-messaging-kit.jar [server|check]");
      System.out.println("  server  start the service (default); sandbox mode when TWILIO_ACCOUNT_SID is unset");
      System.out.println("  check   validate the configuration and exit");
      return;
    }
    if (!command.equals("server") && !command.equals("check")) {
      fail(EXIT_USAGE, "unknown command '" + command + "' (expected server or check)");
    }

    AppConfig config = null;
    try {
      config = ConfigLoader.load(ConfigSource.fromEnvironment(Path.of("").toAbsolutePath()));
    } catch (InvalidConfigException e) {
      fail(EXIT_CONFIG, "invalid configuration: " + e.getMessage());
    }
    if (command.equals("check")) {
      System.out.println("configuration OK: " + config.mode().wireName() + " mode, store " + config.database().redactedUrl());
      return;
    }

    try {
      FlexMessagingKit.start(config).join();
    } catch (StoreUnavailableException e) {
      fail(EXIT_START, "store unavailable: " + e.getMessage());
    } catch (PortUnavailableException e) {
      fail(EXIT_START, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void fail(int status, String oneLine) {
    System.err.println("flex-messaging-kit: " + oneLine.replace('\n', ' '));
    System.exit(status);
  }
}
