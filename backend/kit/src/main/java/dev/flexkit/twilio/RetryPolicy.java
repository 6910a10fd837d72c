package dev.flexkit.twilio;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a Twilio request again, and after how long.
 *
 * <ul>
 *   <li>429 (rate limited) and 412: Twilio did nothing, so any request may be retried.
 *   <li>5xx and broken connections: Twilio may have done it, so only reads are retried; a repeated
 *       POST could send a message twice.
 *   <li>The wait doubles from {@code base} up to {@code cap}, with jitter so that callers that
 *       failed together do not come back together, and never shorter than {@code Retry-After}. A
 *       Retry-After longer than {@code maxRetryAfter} ends the retries: the caller learns now.
 * </ul>
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, Duration maxRetryAfter) {
  public static RetryPolicy standard(int maxAttempts) {
    return new RetryPolicy(
        maxAttempts, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  public static boolean isRead(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }

  /** The wait before attempt {@code attempt + 1}, or empty to stop after {@code attempt}. */
  public Optional<Duration> afterStatus(String method, int status, String retryAfter, int attempt) {
    boolean retryable = status == 429 || status == 412 || (status >= 500 && isRead(method));
    if (!retryable || attempt >= maxAttempts) {
      return Optional.empty();
    }
    Duration backoff = backoff(attempt);
    Optional<Duration> asked = parseRetryAfter(retryAfter);
    if (asked.isPresent() && asked.get().compareTo(maxRetryAfter) > 0) {
      return Optional.empty();
    }
    return Optional.of(asked.filter(a -> a.compareTo(backoff) > 0).orElse(backoff));
  }

  /** After a connection failure (no answer at all). */
  public Optional<Duration> afterConnectionFailure(String method, int attempt) {
    return isRead(method) && attempt < maxAttempts
        ? Optional.of(backoff(attempt))
        : Optional.empty();
  }

  /** "Equal jitter": half the exponential step for sure, the other half at random. */
  Duration backoff(int attempt) {
    long step = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
  }

  static Optional<Duration> parseRetryAfter(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }
}
