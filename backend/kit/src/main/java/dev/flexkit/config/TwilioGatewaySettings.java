package dev.flexkit.config;

import java.net.URI;
import java.util.Optional;

/**
 * How the service calls Twilio: at most {@code maxConcurrency} requests in flight (Twilio's
 * per-account concurrency limit is what 429s protect), and at most {@code maxAttempts} tries of one
 * request when Twilio says to come back later. {@code apiBaseUrl}: live mode only, a
 * Twilio-compatible emulator or proxy that {@code https://{product}.twilio.com/X} is sent to as
 * {@code {apiBaseUrl}/{product}/X}. {@code emulatorClockUrl}: that emulator's clock, which the
 * service's own clock then follows (an emulator whose time tests move).
 */
public record TwilioGatewaySettings(
    int maxConcurrency, int maxAttempts, Optional<URI> apiBaseUrl, Optional<URI> emulatorClockUrl) {
  public TwilioGatewaySettings(int maxConcurrency, int maxAttempts) {
    this(maxConcurrency, maxAttempts, Optional.empty(), Optional.empty());
  }
}
