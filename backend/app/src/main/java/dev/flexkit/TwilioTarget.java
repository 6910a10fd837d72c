package dev.flexkit;

import dev.flexkit.capability.Capability;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.outbound.OutboundSettings;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.twilio.TwilioGateway;
import java.time.Clock;
import java.util.Optional;

/**
 * The Twilio the service talks to: real Twilio, or the sandbox it embeds. This is the only place
 * that differs between the modes; to the kit's capabilities both are a gateway, a clock and the
 * account's Flex set-up. As a capability it adds what the target itself needs (the emulator's
 * endpoints, the clock's jump hooks) and closes what it opened.
 */
interface TwilioTarget extends Capability {
  TwilioGateway gateway();

  /** The time the service follows: the emulator's when its tests move time. */
  Clock clock();

  FlexSettings flex();

  OutboundSettings outbound();

  /** The key Twilio signs webhooks with (the auth token), when the service knows it. */
  Optional<String> webhookSigningKey();

  /**
   * Runs {@code hook} whenever the followed time jumps forward, before the jump is acknowledged.
   */
  void onClockJump(Runnable hook);

  /** The sandbox's state, for tests and the standalone emulator: empty against real Twilio. */
  Optional<SandboxWorld> sandbox();

  /**
   * The back-office API key: the configured one, or one the target makes up for trying things out.
   */
  Optional<String> backOfficeKey(Optional<String> configured);
}
