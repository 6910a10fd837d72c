package dev.flexkit.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.standard(4);

  @Test
  void rateLimitsAreRetriedForEveryMethodAndServerErrorsOnlyForReads() {
    assertThat(policy.afterStatus("POST", 429, null, 1)).isPresent();
    assertThat(policy.afterStatus("POST", 412, null, 1)).isPresent();
    assertThat(policy.afterStatus("POST", 503, null, 1)).isEmpty();
    assertThat(policy.afterStatus("DELETE", 500, null, 1)).isEmpty();
    assertThat(policy.afterStatus("GET", 503, null, 1)).isPresent();
    assertThat(policy.afterStatus("GET", 404, null, 1)).isEmpty();
    assertThat(policy.afterStatus("GET", 503, null, 4)).as("the last attempt").isEmpty();
    assertThat(policy.afterConnectionFailure("POST", 1)).isEmpty();
    assertThat(policy.afterConnectionFailure("GET", 1)).isPresent();
  }

  @Test
  void retryAfterIsAFloorAndTooLongARetryAfterIsNotWaitedFor() {
    assertThat(policy.afterStatus("GET", 429, "2", 1))
        .hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofSeconds(2)));
    assertThat(policy.afterStatus("GET", 429, "0", 1))
        .hasValueSatisfying(d -> assertThat(d.toMillis()).isBetween(100L, 200L));
    assertThat(policy.afterStatus("GET", 429, "31", 1)).isEmpty();
    assertThat(policy.afterStatus("GET", 429, "Wed, 21 Oct 2015 07:28:00 GMT", 1)).isPresent();
  }
}
