package dev.flexkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String SID = "AC" + "0123456789abcdef".repeat(2);
  private static final String KEY = "SK" + "fedcba9876543210".repeat(2);

  private static AppConfig load(String... keyValues) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return ConfigLoader.load(ConfigSource.of(m));
  }

  @Test
  void noSettingsAtAllStartsTheSandboxOnLoopbackWithAnH2File() {
    AppConfig c = load();
    assertThat(c.mode()).isEqualTo(RuntimeMode.SANDBOX);
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.bindHost()).isEqualTo("127.0.0.1");
    assertThat(c.database().vendor()).isEqualTo(DatabaseSettings.Vendor.H2);
    assertThat(c.database().jdbcUrl())
        .startsWith("jdbc:h2:file:")
        .endsWith("/data/flexkit;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(c.corsAllowedOrigins()).containsExactly("https://flex.twilio.com");
    assertThat(c.publicBaseUrlOr(9999)).isEqualTo(URI.create("http://localhost:9999"));
  }

  @Test
  void aNonNumericPortIsRejectedNamingTheKey() {
    assertThatThrownBy(() -> load("PORT", "eighty"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("PORT: must be a whole number, got 'eighty'");
    assertThatThrownBy(() -> load("PORT", "70000"))
        .hasMessageStartingWith("PORT: must be between 0 and 65535");
  }

  @Test
  void anAccountSidAloneIsHalfSetCredentials() {
    assertThatThrownBy(
            () -> load("TWILIO_ACCOUNT_SID", SID, "PUBLIC_BASE_URL", "https://kit.example.com"))
        .hasMessageStartingWith("TWILIO_AUTH_TOKEN: is missing");
  }

  @Test
  void aTokenWithoutAnAccountSidIsHalfSetCredentials() {
    assertThatThrownBy(() -> load("TWILIO_AUTH_TOKEN", "secret"))
        .hasMessageStartingWith("TWILIO_ACCOUNT_SID: is missing");
  }

  @Test
  void anApiKeyNeedsItsSecret() {
    assertThatThrownBy(
            () ->
                load(
                    "TWILIO_ACCOUNT_SID",
                    SID,
                    "TWILIO_API_KEY",
                    KEY,
                    "PUBLIC_BASE_URL",
                    "https://k.example.com"))
        .hasMessageStartingWith("TWILIO_API_SECRET:");
  }

  @Test
  void malformedSidsAreRejected() {
    assertThatThrownBy(() -> load("TWILIO_ACCOUNT_SID", "AC123", "TWILIO_AUTH_TOKEN", "t"))
        .hasMessageStartingWith("TWILIO_ACCOUNT_SID: must be AC");
  }

  @Test
  void liveModeWithAnApiKeyUsesTheKeyAsUsername() {
    AppConfig c =
        load(
            "TWILIO_ACCOUNT_SID",
            SID,
            "TWILIO_API_KEY",
            KEY,
            "TWILIO_API_SECRET",
            "s3cret",
            "PUBLIC_BASE_URL",
            "https://kit.example.com/");
    assertThat(c.mode()).isEqualTo(RuntimeMode.LIVE);
    assertThat(c.bindHost()).isEqualTo("0.0.0.0");
    assertThat(c.twilio())
        .get()
        .satisfies(
            t -> {
              assertThat(t.username()).isEqualTo(KEY);
              assertThat(t.password()).isEqualTo("s3cret");
              assertThat(t.accountSid()).isEqualTo(SID);
              assertThat(t.toString()).doesNotContain("s3cret");
            });
    assertThat(c.publicBaseUrl()).contains(URI.create("https://kit.example.com"));
  }

  @Test
  void liveModeNeedsAPublicBaseUrlForWebhooks() {
    assertThatThrownBy(() -> load("TWILIO_ACCOUNT_SID", SID, "TWILIO_AUTH_TOKEN", "t"))
        .hasMessageStartingWith("PUBLIC_BASE_URL: is required in live mode");
    assertThatThrownBy(() -> load("PUBLIC_BASE_URL", "ftp://x"))
        .hasMessageStartingWith("PUBLIC_BASE_URL: must be an absolute http(s) URL");
  }

  @Test
  void anEmulatorCanStandInForTwilioInLiveModeOnly() {
    AppConfig c =
        load(
            "TWILIO_ACCOUNT_SID",
            SID,
            "TWILIO_AUTH_TOKEN",
            "t",
            "PUBLIC_BASE_URL",
            "https://kit.example.com",
            "TWILIO_API_BASE_URL",
            "http://127.0.0.1:9000/twilio",
            "TWILIO_EMULATOR_CLOCK_URL",
            "http://127.0.0.1:9000/sandbox/api/clock");
    assertThat(c.twilioGateway().apiBaseUrl()).contains(URI.create("http://127.0.0.1:9000/twilio"));
    assertThat(c.twilioGateway().emulatorClockUrl())
        .contains(URI.create("http://127.0.0.1:9000/sandbox/api/clock"));
    assertThat(
            load(
                    "TWILIO_ACCOUNT_SID",
                    SID,
                    "TWILIO_AUTH_TOKEN",
                    "t",
                    "PUBLIC_BASE_URL",
                    "https://kit.example.com")
                .twilioGateway()
                .apiBaseUrl())
        .isEmpty();

    assertThatThrownBy(() -> load("TWILIO_API_BASE_URL", "http://127.0.0.1:9000/twilio"))
        .hasMessageStartingWith("TWILIO_API_BASE_URL: is for live mode");
    assertThatThrownBy(
            () ->
                load(
                    "TWILIO_ACCOUNT_SID",
                    SID,
                    "TWILIO_AUTH_TOKEN",
                    "t",
                    "PUBLIC_BASE_URL",
                    "https://k.example.com",
                    "TWILIO_API_BASE_URL",
                    "twilio.local"))
        .hasMessageStartingWith("TWILIO_API_BASE_URL: must be an absolute http(s) URL");
    assertThatThrownBy(
            () ->
                load(
                    "TWILIO_ACCOUNT_SID",
                    SID,
                    "TWILIO_AUTH_TOKEN",
                    "t",
                    "PUBLIC_BASE_URL",
                    "https://k.example.com",
                    "TWILIO_EMULATOR_CLOCK_URL",
                    "http://127.0.0.1:9000/sandbox/api/clock"))
        .hasMessageStartingWith("TWILIO_EMULATOR_CLOCK_URL: needs TWILIO_API_BASE_URL");
  }

  @Test
  void herokuStyleDatabaseUrlsBecomeJdbcWithCredentials() {
    AppConfig c =
        load("DATABASE_URL", "postgres://kit:p%40ss@db.internal:6543/flexkit?sslmode=require");
    assertThat(c.database().vendor()).isEqualTo(DatabaseSettings.Vendor.POSTGRESQL);
    assertThat(c.database().jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:6543/flexkit?sslmode=require");
    assertThat(c.database().username()).isEqualTo("kit");
    assertThat(c.database().password()).isEqualTo("p@ss");
  }

  @Test
  void jdbcUrlsPassThrough() {
    assertThat(
            load("DATABASE_URL", "jdbc:postgresql://localhost/kit", "DATABASE_USER", "u")
                .database()
                .username())
        .isEqualTo("u");
    assertThat(load("DATABASE_URL", "jdbc:h2:mem:kit").database().vendor())
        .isEqualTo(DatabaseSettings.Vendor.H2);
  }

  @Test
  void malformedDatabaseUrlsAreRejected() {
    for (String bad :
        List.of(
            "postgres://",
            "postgres://host-only",
            "mysql://h/db",
            "jdbc:postgresql://",
            "postgres://h/db x",
            "jdbc:h2:")) {
      assertThatThrownBy(() -> load("DATABASE_URL", bad))
          .as(bad)
          .hasMessageStartingWith("DATABASE_URL:");
    }
  }

  @Test
  void corsNeverAllowsWildcardsOrPaths() {
    assertThatThrownBy(() -> load("CORS_ALLOWED_ORIGINS", "*")).hasMessageContaining("wildcards");
    assertThatThrownBy(() -> load("CORS_ALLOWED_ORIGINS", "https://*.twilio.com"))
        .hasMessageContaining("wildcards");
    assertThatThrownBy(() -> load("CORS_ALLOWED_ORIGINS", "https://flex.twilio.com/agent"))
        .hasMessageContaining("not an origin");
    assertThat(
            load("CORS_ALLOWED_ORIGINS", "https://flex.twilio.com, http://localhost:3000")
                .corsAllowedOrigins())
        .containsExactly("https://flex.twilio.com", "http://localhost:3000");
  }

  @Test
  void outboundSettingsAreValidatedAtStart() {
    assertThatThrownBy(() -> load("OUTBOUND_CLOSED_TIMER", "PT5M"))
        .hasMessageStartingWith("OUTBOUND_CLOSED_TIMER: must be at least PT10M");
    assertThatThrownBy(() -> load("OUTBOUND_CLOSED_TIMER", "one day"))
        .hasMessageStartingWith("OUTBOUND_CLOSED_TIMER: must be an ISO-8601");
    assertThatThrownBy(() -> load("TWILIO_OUTBOUND_QUEUE_SID", "WQ1"))
        .hasMessageStartingWith("TWILIO_OUTBOUND_QUEUE_SID:");
    assertThatThrownBy(() -> load("CANNED_MESSAGES_FILE", "/no/such/file.json"))
        .hasMessageStartingWith("CANNED_MESSAGES_FILE: no such file");
    assertThatThrownBy(() -> load("TWILIO_SMS_SENDERS", "+1555, 12"))
        .hasMessageStartingWith("TWILIO_SMS_SENDERS:");
    assertThat(load("OUTBOUND_CLOSED_TIMER", "PT12H").outbound().closedTimer()).hasHours(12);
  }

  @Test
  void aBackOfficeKeyMustBeLongEnoughAndNeverPrinted() {
    assertThatThrownBy(() -> load("BACKOFFICE_API_KEY", "short"))
        .hasMessageStartingWith("BACKOFFICE_API_KEY: must be at least 16");
    assertThatThrownBy(() -> load("BACKOFFICE_API_KEY", "has spaces in the middle"))
        .hasMessageStartingWith("BACKOFFICE_API_KEY:");
    AppConfig config = load("BACKOFFICE_API_KEY", "0123456789abcdef0123");
    assertThat(config.outbound().backofficeApiKey()).contains("0123456789abcdef0123");
    assertThat(config.toString()).doesNotContain("0123456789abcdef0123");
    assertThat(load().outbound().backofficeApiKey()).isEmpty();
  }

  @Test
  void blankValuesMeanDefault() {
    assertThat(load("PORT", "  ", "DATABASE_URL", "").port()).isEqualTo(8080);
  }

  @Test
  void aDotEnvFileInTheWorkingDirectoryIsRead(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve(".env"),
        "# comment\nFLEXKIT_TEST_ONLY_SETTING=from-dotenv\nSHUTDOWN_GRACE_SECONDS=3\n");
    ConfigSource source = ConfigSource.fromEnvironment(dir);
    assertThat(source.get("FLEXKIT_TEST_ONLY_SETTING")).contains("from-dotenv");
    assertThat(ConfigLoader.load(source).shutdownGrace().toSeconds()).isEqualTo(3);
  }

  @Test
  void everyKeyTheLoaderReadsIsDocumentedInEnvExample() throws Exception {
    Path example = Path.of(System.getProperty("repo.root", "../../.."), ".env.example");
    String documented = Files.readString(example);
    for (String key :
        List.of(
            "PORT",
            "BIND_HOST",
            "PUBLIC_BASE_URL",
            "DATA_DIR",
            "DATABASE_URL",
            "DATABASE_USER",
            "DATABASE_PASSWORD",
            "DATABASE_POOL_SIZE",
            "TWILIO_ACCOUNT_SID",
            "TWILIO_AUTH_TOKEN",
            "TWILIO_API_KEY",
            "TWILIO_API_SECRET",
            "CORS_ALLOWED_ORIGINS",
            "SHUTDOWN_GRACE_SECONDS",
            "LOG_LEVEL",
            "TWILIO_WORKSPACE_SID",
            "TWILIO_WORKFLOW_SID",
            "TWILIO_SMS_SENDERS",
            "TWILIO_WHATSAPP_SENDERS",
            "TWILIO_REGISTER_WEBHOOKS",
            "TWILIO_OUTBOUND_QUEUE_SID",
            "TWILIO_KNOWN_AGENT_WORKFLOW_SID",
            "OUTBOUND_CLOSED_TIMER",
            "CANNED_MESSAGES_FILE",
            "BACKOFFICE_API_KEY")) {
      assertThat(documented).as(key).containsPattern("(?m)^#?\\s*" + key + "=");
    }
  }
}
