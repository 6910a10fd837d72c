package dev.flexkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flexkit.store.StoreUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ModesAndStoreFailuresTest {
  private static final String SID = "AC" + "0123456789abcdef".repeat(2);

  @Test
  void liveModeNeverMountsTheSandboxOrTheTwilioEmulator() throws Exception {
    try (RunningKit live =
        RunningKit.start(
            "TWILIO_ACCOUNT_SID",
            SID,
            "TWILIO_AUTH_TOKEN",
            "token",
            "PUBLIC_BASE_URL",
            "https://kit.example.com",
            "BIND_HOST",
            "127.0.0.1")) {
      assertThat(live.get("/health").body()).contains("\"mode\":\"live\"");
      assertThat(live.get("/sandbox/").statusCode()).isEqualTo(404);
      assertThat(live.get("/twilio/conversations/v1/Conversations").statusCode()).isEqualTo(404);
      assertThat(live.get("/").body()).doesNotContain("agentDesktop");
      assertThat(live.get("/openapi.json").body())
          .contains("https://kit.example.com")
          .doesNotContain("\"/sandbox\"");
    }
  }

  @Test
  void sandboxModeMountsTheTwilioEmulatorBehindBasicAuth() throws Exception {
    try (RunningKit sandbox = RunningKit.start()) {
      HttpResponse<String> r = sandbox.get("/twilio/conversations/v1/Conversations");
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body())
          .isEqualTo(
              "{\"code\":20003,\"message\":\"Authenticate\","
                  + "\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}");
    }
  }

  @Test
  void readinessFallsWhenPostgresGoesAwayAndLivenessStays() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    try (RunningKit kit = RunningKit.onPostgres(postgres)) {
      assertThat(kit.get("/health").statusCode()).isEqualTo(200);
      assertThat(kit.get("/health").body()).contains("PostgreSQL");
      postgres.close();
      HttpResponse<String> down = kit.get("/health");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body())
          .contains("\"ready\":false")
          .contains("\"live\":true")
          .contains("\"status\":\"DOWN\"");
      assertThat(kit.get("/health/live").statusCode()).isEqualTo(200);
      assertThat(kit.get("/health/ready").statusCode()).isEqualTo(503);
    }
  }

  @Test
  void anUnreachableDatabaseFailsStartUpWithAReason() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    assertThatThrownBy(
            () ->
                RunningKit.start(
                    "DATABASE_URL", "postgres://kit:pw@127.0.0.1:" + closedPort + "/kit"))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining(
            "cannot connect to jdbc:postgresql://127.0.0.1:" + closedPort + "/kit");
  }
}
