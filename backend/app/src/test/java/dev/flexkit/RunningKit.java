package dev.flexkit;

import dev.flexkit.config.AppConfig;
import dev.flexkit.config.ConfigLoader;
import dev.flexkit.config.ConfigSource;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.fidelity.SpecConformance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The real service, in-process, on a free port and a throw-away data directory. */
public final class RunningKit implements AutoCloseable {
  // One client per kit: a shared one could reuse a kept-alive connection to an earlier kit that
  // stopped on the same (recycled) port, and fail with "header parser received no bytes".
  private final HttpClient http = HttpClient.newHttpClient();

  private final FlexMessagingKit kit;

  private RunningKit(FlexMessagingKit kit) {
    this.kit = kit;
  }

  public static RunningKit start(String... keyValues) {
    return startWith(Set.of(), keyValues);
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
