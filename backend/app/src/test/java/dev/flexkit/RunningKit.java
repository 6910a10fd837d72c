package dev.flexkit;

import dev.flexkit.config.AppConfig;
import dev.flexkit.config.ConfigLoader;
import dev.flexkit.config.ConfigSource;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.fidelity.SpecConformance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real service, in-process, on a free port and a throw-away data directory. */
public final class RunningKit implements AutoCloseable {
  // One client per kit: a shared one could reuse a kept-alive connection to an earlier kit that
  // stopped on the same (recycled) port, and fail with "header parser received no bytes".
  private final HttpClient http = HttpClient.newHttpClient();

  private static final Duration SETTLE_MAX = Duration.ofSeconds(10);
  private static final Pattern WAITING = Pattern.compile("(\\d+) waiting \\(oldest");

  private final FlexMessagingKit kit;

  private RunningKit(FlexMessagingKit kit) {
    this.kit = kit;
  }

  public static RunningKit start(String... keyValues) {
    return startWith(Set.of(), keyValues);
  }

  /** On an embedded PostgreSQL instead of the H2 file. */
  public static RunningKit onPostgres(EmbeddedPostgres postgres, String... keyValues) {
    String[] all = new String[keyValues.length + 6];
    System.arraycopy(
        new String[] {
          "DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"),
          "DATABASE_USER", "postgres",
          "DATABASE_PASSWORD", "postgres"
        },
        0,
        all,
        0,
        6);
    System.arraycopy(keyValues, 0, all, 6, keyValues.length);
    return start(all);
  }

  /** With extra JAX-RS classes, e.g. a probe endpoint guarded by an auth annotation. */
  public static RunningKit startWith(Set<Class<?>> extraResources, String... keyValues) {
    Map<String, String> settings = new HashMap<>();
    // Set by surefire: every sandbox a test starts checks its answers against Twilio's specs.
    String specDir = System.getProperty("sandbox.spec.dir");
    if (specDir != null && !specDir.isBlank()) {
      settings.put("SANDBOX_SPEC_DIR", specDir);
    }
    settings.put("PORT", "0");
    try {
      settings.put("DATA_DIR", Files.createTempDirectory("flexkit-test").toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < keyValues.length; i += 2) {
      settings.put(keyValues[i], keyValues[i + 1]);
    }
    AppConfig config = ConfigLoader.load(ConfigSource.of(settings));
    return new RunningKit(FlexMessagingKit.start(config, extraResources));
  }

  public URI url(String path) {
    return kit.localUrl().resolve(path);
  }

  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public dev.flexkit.sandbox.SandboxWorld sandbox() {
    return kit.sandbox().orElseThrow();
  }

  /**
   * Waits until the sandbox has delivered every webhook and the kit has processed them all, and so
   * on for whatever that processing made the sandbox send: the kit answers a webhook once it is
   * stored and processes it after (#12), so a delivered webhook is not yet a processed one.
   */
  public void settle() {
    long deadline = System.nanoTime() + SETTLE_MAX.toNanos();
    while (System.nanoTime() < deadline) {
      sandbox().awaitSettled(SETTLE_MAX);
      if (webhooksWaiting() == 0 && sandbox().isSettled()) {
        return;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("not settled after " + SETTLE_MAX + ": " + get("/health").body());
  }

  /** The inbox's backlog, as /health reports it. */
  private long webhooksWaiting() {
    Matcher waiting = WAITING.matcher(get("/health").body());
    if (!waiting.find()) {
      throw new AssertionError("/health reports no webhook inbox: " + get("/health").body());
    }
    return Long.parseLong(waiting.group(1));
  }

  public FlexMessagingKit kit() {
    return kit;
  }

  /** Stops the service, then fails the test class if any emulator answer broke Twilio's specs. */
  @Override
  public void close() throws Exception {
    List<SpecConformance.Violation> violations =
        kit.sandbox()
            .flatMap(SandboxWorld::specConformance)
            .map(SpecConformance::violations)
            .orElse(List.of());
    kit.stop();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "the sandbox answered "
              + violations.size()
              + " time(s) unlike Twilio's OpenAPI specs: "
              + violations);
    }
  }

  static Path tempDir() throws IOException {
    return Files.createTempDirectory("flexkit-test");
  }
}
