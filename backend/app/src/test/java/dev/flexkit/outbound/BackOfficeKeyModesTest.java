package dev.flexkit.outbound;

import static dev.flexkit.outbound.OutboundFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.RunningKit;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Where the back-office key comes from in each mode, and what happens without one. */
class BackOfficeKeyModesTest {
  private static final String LIVE_SID = "AC" + "0123456789abcdef".repeat(2);
  private static final String NOTIFY = "/flex-initiate-outbound-sms";

  private static RunningKit live(String... more) {
    String[] base = {
      "TWILIO_ACCOUNT_SID",
      LIVE_SID,
      "TWILIO_AUTH_TOKEN",
      "token",
      "PUBLIC_BASE_URL",
      "https://kit.example.com",
      "BIND_HOST",
      "127.0.0.1"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return RunningKit.start(all);
  }

  @Test
  void sandboxModeWithoutAKeyMakesOneUpAndListsItBesideTheCredentials() throws Exception {
    try (RunningKit kit = RunningKit.start()) {
      OutboundFixture f = new OutboundFixture(kit);
      String key = json(kit.get("/sandbox/api/info")).path("backofficeApiKey").asText();
      assertThat(key).hasSizeGreaterThanOrEqualTo(32);

      assertThat(f.post(NOTIFY, "{}", null).statusCode()).isEqualTo(401);
      HttpResponse<String> withKey = f.post(NOTIFY, "{}", null, "X-Api-Key", key);
      assertThat(withKey.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void aConfiguredKeyIsTheOneTheSandboxShows() throws Exception {
    try (RunningKit kit = RunningKit.start("BACKOFFICE_API_KEY", "configured-key-0123456789")) {
      assertThat(json(kit.get("/sandbox/api/info")).path("backofficeApiKey").asText())
          .isEqualTo("configured-key-0123456789");
    }
  }

  @Test
  void liveModeWithoutAKeyAnswersNotConfiguredToEveryone() throws Exception {
    try (RunningKit kit = live()) {
      OutboundFixture f = new OutboundFixture(kit);
      for (String path : new String[] {NOTIFY, "/flex-initiate-outbound-sms-task"}) {
        HttpResponse<String> r =
            f.post(path, "{}", "anything-0123456789", "X-Api-Key", "anything-0123456789");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json(r).path("error").path("code").asText()).isEqualTo("not_configured");
        assertThat(json(r).path("error").path("message").asText()).contains("BACKOFFICE_API_KEY");
      }
    }
  }

  @Test
  void liveModeWithAKeyChecksItBeforeTheFields() throws Exception {
    try (RunningKit kit = live("BACKOFFICE_API_KEY", "live-key-0123456789abcdef")) {
      OutboundFixture f = new OutboundFixture(kit);
      assertThat(f.post(NOTIFY, "{}", "live-key-0123456789abcdeX").statusCode()).isEqualTo(401);
      HttpResponse<String> r = f.post(NOTIFY, "{}", "live-key-0123456789abcdef");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).path("error").path("errors").findValuesAsText("field"))
          .contains("fromNumber", "messageBody");
    }
  }
}
