package dev.flexkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as an operator runs it: a separate JVM, environment variables, exit codes, signals.
 */
class CommandLineTest {
  record Outcome(int exitCode, String stdout, String stderr) {}

  @TempDir Path workDir;

  private Process launch(Map<String, String> env, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.flexkit.App"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("TWILIO_") || k.startsWith("DATABASE_") || k.equals("PORT"));
    pb.environment().put("DATA_DIR", workDir.resolve("data").toString());
    pb.environment().putAll(env);
    pb.redirectOutput(workDir.resolve("out.log").toFile());
    pb.redirectError(workDir.resolve("err.log").toFile());
    return pb.start();
  }

  private Outcome run(Map<String, String> env, String... args) throws Exception {
    Process p = launch(env, args);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process ended").isTrue();
    return new Outcome(
        p.exitValue(),
        Files.readString(workDir.resolve("out.log")),
        Files.readString(workDir.resolve("err.log")));
  }

  private static void assertOneLineReason(Outcome o, String expected) {
    assertThat(o.exitCode()).isNotZero();
    assertThat(o.stderr().strip().lines().count()).as(o.stderr()).isEqualTo(1);
    assertThat(o.stderr()).contains(expected);
  }

  @Test
  void aNonNumericPortExitsNonZeroWithOneLine() throws Exception {
    Outcome o = run(Map.of("PORT", "http"));
    assertThat(o.exitCode()).isEqualTo(2);
    assertOneLineReason(o, "invalid configuration: PORT: must be a whole number, got 'http'");
  }

  @Test
  void halfSetTwilioCredentialsExitNonZeroWithOneLine() throws Exception {
    assertOneLineReason(
        run(Map.of("TWILIO_ACCOUNT_SID", "AC" + "a".repeat(32))), "TWILIO_AUTH_TOKEN: is missing");
  }

  @Test
  void aMalformedDatabaseUrlExitsNonZeroWithOneLine() throws Exception {
    assertOneLineReason(run(Map.of("DATABASE_URL", "postgres://:5432")), "DATABASE_URL:");
  }

  @Test
  void aDotEnvFileIsReadFromTheWorkingDirectory() throws Exception {
    Files.writeString(workDir.resolve(".env"), "PORT=not-a-port\n");
    assertOneLineReason(run(Map.of()), "PORT: must be a whole number, got 'not-a-port'");
  }

  @Test
  void anUnreachableDatabaseExitsNonZeroWithOneLine() throws Exception {
    int closed = freePort();
    assertOneLineReason(
        run(Map.of("PORT", "0", "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/kit")),
        "store unavailable: cannot connect to jdbc:postgresql://127.0.0.1:" + closed + "/kit");
  }

  @Test
  void checkValidatesWithoutStarting() throws Exception {
    Outcome o = run(Map.of(), "check");
    assertThat(o.exitCode()).isZero();
    assertThat(o.stdout()).contains("configuration OK: sandbox mode");
    assertThat(run(Map.of(), "serve").exitCode()).isEqualTo(64);
  }

  @Test
  void sigtermStopsGracefullyAndClosesTheStore() throws Exception {
    int port = freePort();
    Process p = launch(Map.of("PORT", String.valueOf(port)));
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plusSeconds(60);
    int status = 0;
    while (status != 200 && Instant.now().isBefore(deadline) && p.isAlive()) {
      try {
        status =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    assertThat(status).isEqualTo(200);
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(workDir.resolve("out.log"), StandardCharsets.UTF_8);
    assertThat(log).contains("GET /health 200").contains("stopped; store closed");
    // Sandbox mode prints what it seeded, so a newcomer can copy credentials and sids.
    assertThat(log)
        .contains("account SID:  AC")
        .contains("workspace:    WS")
        .contains("queue:        WQ")
        .contains("agent:        WK")
        .contains("SMS number:   +")
        .contains("WhatsApp:     whatsapp:+")
        .contains("(approved)")
        .contains("(not approved)")
        .contains("agent desktop: http://localhost:" + port + "/sandbox/")
        .containsPattern("back-office API key: [A-Za-z0-9_-]{43}");
    assertThat(Files.readString(workDir.resolve("err.log"))).doesNotContain("Exception");
  }

  @Test
  void sandboxCommandServesOnlyTheSandboxAndPrintsHowToReachIt() throws Exception {
    int port = freePort();
    // Live credentials in the environment do not turn the standalone sandbox into live mode.
    Process p =
        launch(
            Map.of(
                "PORT",
                String.valueOf(port),
                "TWILIO_ACCOUNT_SID",
                "AC" + "a".repeat(32),
                "SANDBOX_AUTH_TOKEN",
                "fixed-sandbox-token"),
            "sandbox");
    try {
      Instant deadline = Instant.now().plusSeconds(60);
      String out = "";
      while (!out.contains("  agent desktop: ")
          && Instant.now().isBefore(deadline)
          && p.isAlive()) {
        Thread.sleep(100);
        out = Files.readString(workDir.resolve("out.log"));
      }
      assertThat(out)
          .contains("Twilio sandbox ready")
          .contains("base URL:     http://localhost:" + port + "/twilio")
          .contains("account SID:  AC")
          .contains("auth token:   fixed-sandbox-token")
          .doesNotContain("back-office API key");
      String sid = out.replaceAll("(?s).*account SID:  (AC[0-9a-f]{32}).*", "$1");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> validate =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + port
                              + "/twilio/iam/v1/Accounts/"
                              + sid
                              + "/Tokens/validate"))
                  .header(
                      "Authorization",
                      "Basic "
                          + java.util.Base64.getEncoder()
                              .encodeToString(
                                  (sid + ":fixed-sandbox-token").getBytes(StandardCharsets.UTF_8)))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"garbage\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(validate.statusCode()).isEqualTo(200);
      assertThat(validate.body()).contains("\"valid\":false");
      HttpResponse<String> product =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(product.statusCode()).as("no product endpoints").isEqualTo(404);
      assertThat(
              http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + port + "/sandbox/api/clock"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
      assertThat(workDir.resolve("data")).as("no store").doesNotExist();
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
