package dev.flexkit.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting the service reads, validated once at start. See {@code .env.example}. */
public record AppConfig(
    RuntimeMode mode,
    String bindHost,
    int port,
    Optional<URI> publicBaseUrl,
    Path dataDir,
    DatabaseSettings database,
    int databasePoolSize,
    Optional<TwilioCredentials> twilio,
    List<String> corsAllowedOrigins,
    Duration shutdownGrace,
    RequestLimits requestLimits,
    TwilioGatewaySettings twilioGateway,
    SandboxSettings sandboxSettings,
    FlexSettings flex,
    OutboundConfig outbound) {

  public boolean sandbox() {
    return mode == RuntimeMode.SANDBOX;
  }

  /** The public URL, or the local one when none is configured and the port is known. */
  public URI publicBaseUrlOr(int boundPort) {
    return publicBaseUrl.orElseGet(() -> URI.create("http://localhost:" + boundPort));
  }
}
