package dev.flexkit.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Turns raw settings into an {@link AppConfig}, or fails with one line naming the bad key. */
public final class ConfigLoader {
  public static final String DEFAULT_CORS_ORIGIN = "https://flex.twilio.com";

  private ConfigLoader() {}

  public static AppConfig load(ConfigSource source) {
    Optional<TwilioCredentials> twilio = TwilioCredentials.from(source);
    RuntimeMode mode = twilio.isPresent() ? RuntimeMode.LIVE : RuntimeMode.SANDBOX;

    int port = intSetting(source, "PORT", 8080, 0, 65535);
    // The sandbox hands agent tokens to anyone who asks, so it only listens on loopback by default.
    String bindHost =
        source.getOrDefault("BIND_HOST", mode == RuntimeMode.SANDBOX ? "127.0.0.1" : "0.0.0.0");
    Optional<URI> publicBaseUrl = source.get("PUBLIC_BASE_URL").map(ConfigLoader::baseUrl);
    if (mode == RuntimeMode.LIVE && publicBaseUrl.isEmpty()) {
      throw new InvalidConfigException(
          "PUBLIC_BASE_URL",
          "is required in live mode: Twilio signs and sends webhooks to this URL");
    }
    Path dataDir = Path.of(source.getOrDefault("DATA_DIR", "./data"));
    DatabaseSettings database = DatabaseSettings.from(source, dataDir);
    int poolSize = intSetting(source, "DATABASE_POOL_SIZE", 10, 1, 200);
    List<String> origins =
        corsOrigins(source.getOrDefault("CORS_ALLOWED_ORIGINS", DEFAULT_CORS_ORIGIN));
    Duration grace = Duration.ofSeconds(intSetting(source, "SHUTDOWN_GRACE_SECONDS", 10, 0, 600));
    RequestLimits limits =
        new RequestLimits(
            intSetting(
                source,
                "MAX_REQUEST_BODY_BYTES",
                RequestLimits.DEFAULTS.maxBodyBytes(),
                1024,
                16 * 1024 * 1024),
            intSetting(
                source,
                "MAX_WEBHOOK_BODY_BYTES",
                RequestLimits.DEFAULTS.maxWebhookBodyBytes(),
                1024,
                16 * 1024 * 1024));

    Optional<URI> apiBaseUrl =
        source.get("TWILIO_API_BASE_URL").map(raw -> httpUrl("TWILIO_API_BASE_URL", raw));
    if (apiBaseUrl.isPresent() && mode != RuntimeMode.LIVE) {
      throw new InvalidConfigException(
          "TWILIO_API_BASE_URL",
          "is for live mode (set TWILIO_ACCOUNT_SID too); sandbox mode serves its own emulator");
    }
    Optional<URI> clockUrl =
        source
            .get("TWILIO_EMULATOR_CLOCK_URL")
            .map(raw -> httpUrl("TWILIO_EMULATOR_CLOCK_URL", raw));
    if (clockUrl.isPresent() && apiBaseUrl.isEmpty()) {
      throw new InvalidConfigException(
          "TWILIO_EMULATOR_CLOCK_URL",
          "needs TWILIO_API_BASE_URL: only an emulator's clock can be followed");
    }
    TwilioGatewaySettings gateway =
        new TwilioGatewaySettings(
            intSetting(source, "TWILIO_MAX_CONCURRENCY", 32, 1, 100),
            intSetting(source, "TWILIO_MAX_ATTEMPTS", 4, 1, 10),
            apiBaseUrl,
            clockUrl);
    SandboxSettings sandbox =
        new SandboxSettings(
            source.get("SANDBOX_AUTH_TOKEN"),
            source.get("SANDBOX_SPEC_DIR").map(Path::of),
            source.get("SANDBOX_SPEC_REPORT").map(Path::of));
    if (sandbox.specDir().isPresent()
        && !java.nio.file.Files.isDirectory(sandbox.specDir().get())) {
      throw new InvalidConfigException(
          "SANDBOX_SPEC_DIR", "is not a directory: " + sandbox.specDir().get());
    }

    return new AppConfig(
        mode,
        bindHost,
        port,
        publicBaseUrl,
        dataDir,
        database,
        poolSize,
        twilio,
        origins,
        grace,
        limits,
        gateway,
        sandbox,
        FlexSettings.from(source),
        OutboundConfig.from(source));
  }

  private static int intSetting(ConfigSource source, String key, int fallback, int min, int max) {
    Optional<String> raw = source.get(key);
    if (raw.isEmpty()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(key, "must be a whole number, got '" + raw.get() + "'");
    }
    if (value < min || value > max) {
      throw new InvalidConfigException(
          key, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  private static URI httpUrl(String key, String raw) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw new InvalidConfigException(key, "is not a valid URL (" + e.getReason() + ")");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new InvalidConfigException(key, "must be an absolute http(s) URL, got '" + raw + "'");
    }
    return uri;
  }

  private static URI baseUrl(String raw) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw new InvalidConfigException(
          "PUBLIC_BASE_URL", "is not a valid URL (" + e.getReason() + ")");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new InvalidConfigException(
          "PUBLIC_BASE_URL", "must be an absolute http(s) URL, got '" + raw + "'");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidConfigException("PUBLIC_BASE_URL", "must not have a query or fragment");
    }
    String s = uri.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  static List<String> corsOrigins(String raw) {
    List<String> origins =
        Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String origin : origins) {
      if (origin.contains("*")) {
        throw new InvalidConfigException(
            "CORS_ALLOWED_ORIGINS", "wildcards are not allowed; list exact origins");
      }
      URI uri;
      try {
        uri = new URI(origin);
      } catch (URISyntaxException e) {
        throw new InvalidConfigException(
            "CORS_ALLOWED_ORIGINS", "'" + origin + "' is not a valid origin");
      }
      boolean bare =
          uri.getHost() != null
              && (uri.getPath() == null || uri.getPath().isEmpty())
              && uri.getQuery() == null
              && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
      if (!bare) {
        throw new InvalidConfigException(
            "CORS_ALLOWED_ORIGINS",
            "'" + origin + "' is not an origin (scheme://host[:port], no path)");
      }
    }
    return origins;
  }
}
