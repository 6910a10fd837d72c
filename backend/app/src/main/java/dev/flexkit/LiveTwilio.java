package dev.flexkit;

import dev.flexkit.capability.Contributions;
import dev.flexkit.config.AppConfig;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.config.TwilioCredentials;
import dev.flexkit.outbound.OutboundSettings;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.twilio.EmulatorClock;
import dev.flexkit.twilio.TwilioClients;
import dev.flexkit.twilio.TwilioGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Real Twilio (or any Twilio-compatible API at {@code TWILIO_API_BASE_URL}), configured by the
 * settings. An emulator whose tests move time ({@code TWILIO_EMULATOR_CLOCK_URL}) is followed.
 */
final class LiveTwilio implements TwilioTarget {
  private static final Duration CLOCK_POLL = Duration.ofMillis(200);

  private final AppConfig config;
  private final TwilioCredentials credentials;
  private final TwilioGateway gateway;
  private final Optional<EmulatorClock> emulatorClock;

  LiveTwilio(AppConfig config) {
    this.config = config;
    this.credentials = config.twilio().orElseThrow();
    this.gateway =
        TwilioClients.live(
            credentials.accountSid(),
            credentials.username(),
            credentials.password(),
            config.twilioGateway());
    this.emulatorClock =
        config
            .twilioGateway()
            .emulatorClockUrl()
            .map(url -> EmulatorClock.following(url, CLOCK_POLL));
  }

  @Override
  public TwilioGateway gateway() {
    return gateway;
  }

  @Override
  public Clock clock() {
    return emulatorClock.<Clock>map(c -> c).orElseGet(Clock::systemUTC);
  }

  @Override
  public FlexSettings flex() {
    return config.flex();
  }

  @Override
  public OutboundSettings outbound() {
    return new OutboundSettings(
        config.outbound().queueSid().orElse(""),
        config.outbound().knownAgentWorkflowSid(),
        config.outbound().closedTimer(),
        config.outbound().smsTaskChannel(),
        config.outbound().whatsappTaskChannel());
  }

  @Override
  public Optional<String> webhookSigningKey() {
    return credentials.webhookSigningKey();
  }

  @Override
  public Optional<SandboxWorld> sandbox() {
    return Optional.empty();
  }

  @Override
  public Optional<String> backOfficeKey(Optional<String> configured) {
    return configured;
  }

  @Override
  public void onClockJump(Runnable hook) {
    emulatorClock.ifPresent(clock -> clock.onJump(hook));
  }

  @Override
  public void contribute(Contributions to) {
    // No more clock jumps set off sweeps while the store closes.
    emulatorClock.ifPresent(clock -> to.onStopping(clock::close));
  }
}
