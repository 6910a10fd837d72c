package dev.flexkit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shaded jar started as an operator would: {@code java -jar}, a free port, a fresh data dir.
 */
final class ServiceProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final URI baseUrl;
  private final Path log;

  private ServiceProcess(Process process, URI baseUrl, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  static ServiceProcess start(String name, Map<String, String> extraEnv)
      throws IOException, InterruptedException {
    return start(name, extraEnv, List.of());
  }

  /**
   * {@code args}: the jar's command ({@code sandbox}, …). {@code PORT} and {@code DATA_DIR} in
   * {@code extraEnv} are kept, so a restarted service can take its predecessor's place.
   */
  static ServiceProcess start(String name, Map<String, String> extraEnv, List<String> args)
      throws IOException, InterruptedException {
    Path jar =
        Path.of(System.getProperty("flexkit.jar", "../backend/app/target/flex-messaging-kit.jar"))
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "service jar not found at " + jar + ": run mvn package first");
    }
    Path workDir = Files.createTempDirectory("flexkit-e2e-");
    Path logs = Path.of(System.getProperty("flexkit.logs", "target/service-logs"));
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    int port = extraEnv.containsKey("PORT") ? Integer.parseInt(extraEnv.get("PORT")) : freePort();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    command.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("TWILIO_") || k.startsWith("DATABASE_"));
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().put("DATA_DIR", workDir.resolve("data").toString());
    String specs = System.getProperty("flexkit.specs");
    if (specs != null && Files.isDirectory(Path.of(specs))) {
      pb.environment().put("SANDBOX_SPEC_DIR", Path.of(specs).toAbsolutePath().toString());
    }
    pb.environment().putAll(extraEnv);
    ServiceProcess service =
        new ServiceProcess(pb.start(), URI.create("http://127.0.0.1:" + port), log);
    service.awaitHealthy(Duration.ofSeconds(90));
    return service;
  }

  int port() {
    return baseUrl.getPort();
  }

  /** {@code kill -9}: no shutdown hook, no graceful stop, in-flight work simply stops. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  URI url(String path) {
    return baseUrl.resolve(path);
  }

  JsonNode getJson(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(url(path)).GET().build());
  }

  JsonNode postJson(String path, Object body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(url(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build());
  }

  /** The bodies the sandbox customer's phone has received, oldest first. */
  List<String> customerInbox(String customer) throws IOException, InterruptedException {
    List<String> bodies = new ArrayList<>();
    getJson(
            "/sandbox/api/customers/"
                + URLEncoder.encode(customer, StandardCharsets.UTF_8)
                + "/messages")
        .path("messages")
        .forEach(m -> bodies.add(m.path("body").asText()));
    return bodies;
  }

  JsonNode delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(url(path)).DELETE().build());
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + " -> "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "service exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(url("/health")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "service not healthy after " + timeout.toSeconds() + " s; see " + log);
  }

  /** Fails when the sandbox answered anything unlike Twilio's OpenAPI specs during the journey. */
  void assertSandboxMatchedTwilioSpecs() throws IOException, InterruptedException {
    JsonNode fidelity = getJson("/sandbox/api/fidelity");
    if (!fidelity.path("enabled").asBoolean()) {
      throw new AssertionError(
          "spec checking is off: build the backend first so backend/sandbox/target/twilio-oai exists");
    }
    if (fidelity.path("violations").size() > 0) {
      throw new AssertionError(
          "the sandbox answered unlike Twilio's specs: " + fidelity.path("violations"));
    }
  }

  /** Checks the sandbox's answers against Twilio's specs, then stops the service either way. */
  void closeAfterSpecCheck() throws IOException, InterruptedException {
    try {
      assertSandboxMatchedTwilioSpecs();
    } finally {
      close();
    }
  }

  /** Leaves {@code agentSid} the only available agent, so routing has exactly one candidate. */
  void makeOnlyAvailable(JsonNode info, String agentSid) throws IOException, InterruptedException {
    for (JsonNode worker : info.path("workers")) {
      String sid = worker.path("sid").asText();
      postJson(
          "/sandbox/api/workers/" + sid + "/activity",
          Map.of("activity", sid.equals(agentSid) ? "Available" : "Offline"));
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
