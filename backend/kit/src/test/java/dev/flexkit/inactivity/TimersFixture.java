package dev.flexkit.inactivity;

import dev.flexkit.webhooks.TaskRouterEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A settable clock, fixed settings and side effects that only count, for store-level timer tests.
 */
final class TimersFixture {
  static final InactivitySettings SETTINGS =
      new InactivitySettings(120, 30, "still there?", "system", false);

  static final class TestClock extends Clock {
    private final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Counts warnings and wrap-ups per conversation, across every instance that shares it. */
  static final class CountingActions implements InactivityActions {
    final Map<String, AtomicInteger> warnings = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> wrapUps = new ConcurrentHashMap<>();

    @Override
    public void warn(Timer timer, InactivitySettings settings, boolean retry) {
      warnings.computeIfAbsent(timer.conversationSid(), k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public boolean wrapUp(Timer timer) {
      wrapUps.computeIfAbsent(timer.conversationSid(), k -> new AtomicInteger()).incrementAndGet();
      return true;
    }
  }

  static String conversation(int i) {
    return String.format("CH%032d", i);
  }

  static TaskRouterEvent accepted(int i) {
    String attributes =
        "{\"conversationSid\":\""
            + conversation(i)
            + "\",\"channelType\":\"sms\",\"customerAddress\":\"+1555"
            + String.format("%07d", i)
            + "\",\"flexInteractionSid\":\"KD1\",\"flexInteractionChannelSid\":\"UO1\"}";
    return new TaskRouterEvent(
        Map.of(
            "EventType",
            List.of("reservation.accepted"),
            "TaskSid",
            List.of(String.format("WT%032d", i)),
            "WorkerSid",
            List.of("WK1"),
            "TaskAttributes",
            List.of(attributes)));
  }

  private TimersFixture() {}
}
