package dev.flexkit.sandbox.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Twilio's v1 APIs write times as ISO-8601 UTC to the second: {@code 2015-12-16T22:18:37Z}. */
public final class TwilioTime {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private TwilioTime() {}

  public static String iso(Instant instant) {
    return instant == null ? null : ISO.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Webhook payloads carry milliseconds: {@code 2025-09-17T22:23:11.350Z}. */
  public static String isoMillis(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
