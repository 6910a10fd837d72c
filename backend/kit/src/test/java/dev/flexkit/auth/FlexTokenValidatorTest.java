package dev.flexkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flexkit.twilio.IamVerdict;
import dev.flexkit.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** IAM as R48/R49 describe it: a refusal is {@code {valid:false, message}}, with no code. */
class FlexTokenValidatorTest {
  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<IamVerdict> answer = new AtomicReference<>();
  private final FlexTokenValidator validator =
      new FlexTokenValidator(
          token -> {
            calls.incrementAndGet();
            return answer.get();
          },
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now.get();
            }
          });

  @Test
  void aRefusalWithoutACodeIsAnInvalidTokenWithIamsMessage() {
    answer.set(refusal("Invalid Access Token signature"));
    ApiException e = catchThrowableOfType(() -> validator.validate("t1"), ApiException.class);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.toError().error().code()).isEqualTo("invalid_token");
    assertThat(e.toError().error().twilioCode()).isNull();
    assertThat(e.getMessage()).contains("Invalid Access Token signature");
  }

  @Test
  void aTokenKnownToHaveExpiredIsReportedExpiredWithoutAskingIamAgain() {
    answer.set(
        new IamVerdict(
            true,
            0,
            null,
            "alice_40example_2Ecom",
            "alice@example.com",
            List.of("agent"),
            "WK1",
            START.plus(Duration.ofMinutes(2))));
    assertThat(validator.validate("t2").identity()).isEqualTo("alice_40example_2Ecom");
    now.set(START.plus(Duration.ofMinutes(3)));
    answer.set(refusal("Access Token expired or expiration date invalid"));
    ApiException e = catchThrowableOfType(() -> validator.validate("t2"), ApiException.class);
    assertThat(e.toError().error().code()).isEqualTo("expired_token");
    assertThat(e.toError().error().twilioCode()).isEqualTo(20104);
    assertThat(calls.get()).isEqualTo(1);
  }

  private static IamVerdict refusal(String message) {
    return new IamVerdict(false, 0, message, null, null, List.of(), null, null);
  }
}
