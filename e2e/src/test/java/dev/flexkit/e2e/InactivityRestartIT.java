package dev.flexkit.e2e;

import static dev.flexkit.e2e.InactivityScaleOutIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backend restarted mid-countdown, once gracefully and once with {@code kill -9}, against the
 * sandbox in its own process (so Twilio's side outlives the backend): the customer still gets one
 * warning and the task one wrap-up. The backend keeps its timers in its default store, an H2 file.
 */
class InactivityRestartIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WARNING = "Are you still there? We will close this chat soon.";
  private static final String CUSTOMER = "+15557770999";

  @Test
  void restartingTheBackendMidCountdownStillGivesOneWarningAndOneWrapUp() throws Exception {
    try (SandboxTwilio twilio = SandboxTwilio.start("restart-sandbox")) {
      twilio.configureInactivity(120, 60, WARNING);
      twilio.everyAgentAvailable();
      int port = ServiceProcess.freePort();
      Map<String, String> env =
          new LinkedHashMap<>(twilio.liveBackendEnv(URI.create("http://127.0.0.1:" + port)));
      env.put("PORT", String.valueOf(port));
      env.put("DATA_DIR", Files.createTempDirectory("flexkit-restart-").toString());

      ServiceProcess first = ServiceProcess.start("restart-1", env, List.of());
      String reservation;
      String token;
      try {
        twilio.customerWrites(CUSTOMER, twilio.smsNumber(), "hello");
        List<String> accepted = new java.util.ArrayList<>();
        awaitTrue(
            "the conversation reserved and accepted",
            () -> {
              accepted.addAll(twilio.acceptPendingReservations());
              return !accepted.isEmpty();
            });
        reservation = accepted.get(0);
        token = twilio.tokenFor(agentHolding(twilio, reservation));
        awaitTrue("the countdown armed", () -> "active".equals(countdownState(first, token)));
        twilio.awaitWebhooksDelivered();
      } finally {
        first.close(); // SIGTERM: a graceful stop
      }

      twilio.advance(61); // the warning falls due while no backend runs
      assertThat(twilio.received(CUSTOMER, WARNING)).isZero();
      ServiceProcess second = ServiceProcess.start("restart-2", env, List.of());
      awaitTrue(
          "the overdue warning sent after the restart",
          () -> twilio.received(CUSTOMER, WARNING) == 1);
      awaitTrue("the warning recorded", () -> "warned".equals(countdownState(second, token)));
      second.kill(); // kill -9 this time

      twilio.advance(60); // the deadline passes while no backend runs
      try (ServiceProcess third = ServiceProcess.start("restart-3", env, List.of())) {
        awaitTrue(
            "the task wrapped up after the second restart",
            () -> "wrapping".equals(twilio.reservationStatuses().get(reservation)));
        awaitTrue("the countdown over", () -> "expired".equals(countdownState(third, token)));
        twilio.advance(600);
        assertThat(twilio.received(CUSTOMER, WARNING)).isEqualTo(1);
        assertThat(
                twilio.calls().stream()
                    .filter(
                        c ->
                            c.matches(
                                "POST \\S*/Interactions/\\S+/Channels/\\S+/Participants/\\S+ 2\\d\\d")))
            .hasSize(1);
      }
    }
  }

  private static String agentHolding(SandboxTwilio twilio, String reservation) throws Exception {
    for (JsonNode w : twilio.process.getJson("/sandbox/api/workers").path("workers")) {
      for (JsonNode r : w.path("reservations")) {
        if (r.path("sid").asText().equals(reservation)) {
          for (JsonNode seeded : twilio.info.path("workers")) {
            if (seeded.path("sid").asText().equals(w.path("sid").asText())) {
              return seeded.path("identity").asText();
            }
          }
        }
      }
    }
    throw new AssertionError("no agent holds " + reservation);
  }

  /**
   * The agent's view of the countdown, from the backend's API (its Flex token checked with the
   * sandbox's IAM).
   */
  private static String countdownState(ServiceProcess backend, String token) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(backend.url("/api/inactivity"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode timers =
        r.statusCode() == 200 ? JSON.readTree(r.body()).path("timers") : JSON.createArrayNode();
    return timers.size() == 1 ? timers.get(0).path("state").asText() : null;
  }
}
