package dev.flexkit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox in a process of its own ({@code java -jar … sandbox}), standing in for Twilio: its
 * state outlives the backends pointed at it, so they can be restarted or killed mid-countdown.
 */
final class SandboxTwilio implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String AUTH_TOKEN = "e2e0sandbox0auth0token0000000001";

  final ServiceProcess process;
  final JsonNode info;

  private SandboxTwilio(ServiceProcess process, JsonNode info) {
    this.process = process;
    this.info = info;
  }

  static SandboxTwilio start(String name) throws IOException, InterruptedException {
    ServiceProcess process =
        ServiceProcess.start(name, Map.of("SANDBOX_AUTH_TOKEN", AUTH_TOKEN), List.of("sandbox"));
    return new SandboxTwilio(process, process.getJson("/sandbox/api/info"));
  }

  /**
   * What a live-mode backend needs to treat this sandbox as Twilio, webhooks reaching it at {@code
   * publicBaseUrl}.
   */
  Map<String, String> liveBackendEnv(URI publicBaseUrl) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TWILIO_ACCOUNT_SID", info.path("accountSid").asText());
    env.put("TWILIO_AUTH_TOKEN", info.path("authToken").asText());
    env.put("TWILIO_API_BASE_URL", process.url("/twilio").toString());
    env.put("TWILIO_EMULATOR_CLOCK_URL", process.url("/sandbox/api/clock").toString());
    env.put("TWILIO_WORKSPACE_SID", info.path("workspaceSid").asText());
    env.put("TWILIO_WORKFLOW_SID", info.at("/workflows/0/sid").asText());
    env.put("TWILIO_OUTBOUND_QUEUE_SID", info.at("/queues/0/sid").asText());
    env.put("TWILIO_SMS_SENDERS", info.at("/numbers/sms/0").asText());
    env.put("TWILIO_WHATSAPP_SENDERS", info.at("/numbers/whatsapp/0").asText());
    env.put("TWILIO_REGISTER_WEBHOOKS", "true");
    env.put("PUBLIC_BASE_URL", publicBaseUrl.toString());
    env.put("BIND_HOST", "127.0.0.1");
    return env;
  }

  String smsNumber() {
    return info.at("/numbers/sms/0").asText();
  }

  String whatsappNumber() {
    return info.at("/numbers/whatsapp/0").asText();
  }

  /**
   * The Flex configuration's {@code ui_attributes.customerInactivity}, as an admin would set it.
   */
  void configureInactivity(int timerSec, int warningSec, String warningMessage)
      throws IOException, InterruptedException {
    String config =
        JSON.writeValueAsString(
            Map.of(
                "ui_attributes",
                Map.of(
                    "customerInactivity",
                    Map.of(
                        "timer_sec",
                        timerSec,
                        "warning_sec",
                        warningSec,
                        "warning_message",
                        warningMessage))));
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (info.path("accountSid").asText() + ":" + AUTH_TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(process.url("/twilio/flex-api/v1/Configuration"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(config))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("Flex configuration refused: " + r.body());
    }
  }

  void everyAgentAvailable() throws IOException, InterruptedException {
    for (JsonNode w : info.path("workers")) {
      process.postJson(
          "/sandbox/api/workers/" + w.path("sid").asText() + "/activity",
          Map.of("activity", "Available"));
    }
  }

  void customerWrites(String from, String to, String body)
      throws IOException, InterruptedException {
    process.postJson(
        "/sandbox/api/customers/messages", Map.of("from", from, "to", to, "body", body));
  }

  /** Accepts every pending reservation; returns their sids. */
  List<String> acceptPendingReservations() throws IOException, InterruptedException {
    List<String> accepted = new ArrayList<>();
    for (JsonNode w : process.getJson("/sandbox/api/workers").path("workers")) {
      for (JsonNode r : w.path("reservations")) {
        if (r.path("status").asText().equals("pending")) {
          process.postJson(
              "/sandbox/api/reservations/" + r.path("sid").asText() + "/accept", Map.of());
          accepted.add(r.path("sid").asText());
        }
      }
    }
    return accepted;
  }

  /** Every reservation's status by sid, across the workers. */
  Map<String, String> reservationStatuses() throws IOException, InterruptedException {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (JsonNode w : process.getJson("/sandbox/api/workers").path("workers")) {
      for (JsonNode r : w.path("reservations")) {
        statuses.put(r.path("sid").asText(), r.path("status").asText());
      }
    }
    return statuses;
  }

  /**
   * Waits until every webhook the sandbox has queued so far was delivered (or failed), for up to a
   * minute.
   */
  void awaitWebhooksDelivered() throws IOException, InterruptedException {
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
    while (process.getJson("/sandbox/api/webhooks").path("pending").asInt() > 0) {
      if (java.time.Instant.now().isAfter(deadline)) {
        throw new AssertionError("the sandbox's webhooks are still queued after a minute");
      }
      Thread.sleep(100);
    }
  }

  void advance(int seconds) throws IOException, InterruptedException {
    process.postJson("/sandbox/api/clock/advance", Map.of("seconds", seconds));
  }

  /** How many messages with {@code body} the customer's phone received. */
  long received(String customer, String body) throws IOException, InterruptedException {
    long n = 0;
    for (JsonNode m :
        process
            .getJson(
                "/sandbox/api/customers/"
                    + URLEncoder.encode(customer, StandardCharsets.UTF_8)
                    + "/messages")
            .path("messages")) {
      n += m.path("body").asText().equals(body) ? 1 : 0;
    }
    return n;
  }

  /** The Twilio requests the sandbox answered, as {@code "METHOD /path status"}. */
  List<String> calls() throws IOException, InterruptedException {
    List<String> calls = new ArrayList<>();
    for (JsonNode c : process.getJson("/sandbox/api/calls").path("calls")) {
      calls.add(
          c.path("method").asText()
              + " "
              + c.path("path").asText()
              + " "
              + c.path("status").asInt());
    }
    return calls;
  }

  /** A Flex token for a seeded agent, which a backend validates against this sandbox's IAM. */
  String tokenFor(String identity) throws IOException, InterruptedException {
    return process
        .postJson("/sandbox/api/tokens", Map.of("identity", identity))
        .path("token")
        .asText();
  }

  @Override
  public void close() throws Exception {
    process.closeAfterSpecCheck();
  }
}
