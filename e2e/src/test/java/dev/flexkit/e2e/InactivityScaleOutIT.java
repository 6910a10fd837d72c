package dev.flexkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two live-mode backends on one PostgreSQL, Twilio played by the sandbox in its own process and
 * webhooks spread over both by a round-robin proxy. Every warning and every wrap-up happens exactly
 * once, counted where Twilio would see them (the customers' phones, the sandbox's call log); then
 * one backend is killed with {@code kill -9} while the warnings go out, and the other fires the
 * rest.
 */
class InactivityScaleOutIT {
  private static final String WARNING = "Still with us? This chat closes soon.";
  private static final Pattern WRAP_UP =
      Pattern.compile("POST \\S*/Interactions/\\S+/Channels/\\S+/Participants/\\S+ 2\\d\\d");

  /** Three agents with room for three SMS and three WhatsApp conversations each. */
  private static final int PER_CHANNEL = 9;

  @Test
  void everyWarningAndWrapUpHappensOnceAndTheSurvivorOfAKillFiresTheRest() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        SandboxTwilio twilio = SandboxTwilio.start("scale-out-sandbox")) {
      twilio.configureInactivity(120, 60, WARNING);
      twilio.everyAgentAvailable();
      int portA = ServiceProcess.freePort();
      int portB = ServiceProcess.freePort();
      URI a = URI.create("http://127.0.0.1:" + portA);
      URI b = URI.create("http://127.0.0.1:" + portB);
      try (RoundRobinProxy proxy = RoundRobinProxy.start(0, List.of(a, b));
          ServiceProcess backendA =
              ServiceProcess.start(
                  "scale-out-a", backendEnv(twilio, proxy, postgres, portA), List.of());
          ServiceProcess backendB =
              ServiceProcess.start(
                  "scale-out-b", backendEnv(twilio, proxy, postgres, portB), List.of())) {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < PER_CHANNEL; i++) {
          customers.add("+1555777" + String.format("%04d", i));
          customers.add("whatsapp:+1555778" + String.format("%04d", i));
        }
        for (String customer : customers) {
          twilio.customerWrites(
              customer,
              customer.startsWith("whatsapp:") ? twilio.whatsappNumber() : twilio.smsNumber(),
              "hi");
        }
        List<String> reservations = new ArrayList<>();
        awaitTrue(
            "every conversation reserved for an agent and accepted",
            () -> {
              reservations.addAll(twilio.acceptPendingReservations());
              return reservations.size() == customers.size();
            });
        awaitTrue(
            "every countdown armed",
            () -> countByState(postgres).getOrDefault("ACTIVE", 0) == customers.size());
        // A customer's message is a reset: none may still be on its way when the clock moves.
        twilio.awaitWebhooksDelivered();
        assertThat(proxy.servedBy(a)).as("webhooks handled by A").isPositive();
        assertThat(proxy.servedBy(b)).as("webhooks handled by B").isPositive();

        // The warnings fall due; A dies while they go out.
        twilio.advance(61);
        awaitTrue(
            "the first warning sent",
            () -> twilio.calls().stream().anyMatch(c -> c.matches("POST \\S*/Messages 201")));
        backendA.kill();
        // A step A had claimed is B's once its 30 s lease has passed: B checks the conversation for
        // the warning A may have sent before sending it, so no customer gets two.
        twilio.advance(31);
        awaitTrue(
            "every customer warned",
            () -> {
              for (String c : customers) {
                if (twilio.received(c, WARNING) == 0) {
                  return false;
                }
              }
              return true;
            });
        for (String c : customers) {
          assertThat(twilio.received(c, WARNING)).as("warnings to " + c).isEqualTo(1);
        }

        twilio.advance(30);
        awaitTrue(
            "every task wrapping up",
            () ->
                twilio.reservationStatuses().entrySet().stream()
                    .filter(e -> reservations.contains(e.getKey()))
                    .allMatch(e -> e.getValue().equals("wrapping")));
        Map<String, Integer> wrapUps = new HashMap<>();
        twilio.calls().stream()
            .filter(c -> WRAP_UP.matcher(c).matches())
            .forEach(c -> wrapUps.merge(c, 1, Integer::sum));
        assertThat(wrapUps).hasSize(customers.size());
        assertThat(wrapUps.values()).allMatch(n -> n == 1);
        for (String c : customers) {
          assertThat(twilio.received(c, WARNING)).as("warnings to " + c).isEqualTo(1);
        }
        awaitTrue(
            "every countdown over",
            () -> countByState(postgres).getOrDefault("EXPIRED", 0) == customers.size());
      }
    }
  }

  private static Map<String, String> backendEnv(
      SandboxTwilio twilio, RoundRobinProxy proxy, EmbeddedPostgres postgres, int port) {
    Map<String, String> env = new LinkedHashMap<>(twilio.liveBackendEnv(proxy.url()));
    env.put("PORT", String.valueOf(port));
    env.put("DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"));
    env.put("DATABASE_USER", "postgres");
    env.put("DATABASE_PASSWORD", "postgres");
    return env;
  }

  private static Map<String, Integer> countByState(EmbeddedPostgres postgres) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT state, COUNT(*) FROM inactivity_timers GROUP BY state")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getInt(2));
      }
    }
    return counts;
  }

  /** Webhooks and sweeps run in other processes: wait for their effect, failing after a minute. */
  static void awaitTrue(String what, Callable<Boolean> condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.call()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(200);
    }
  }
}
