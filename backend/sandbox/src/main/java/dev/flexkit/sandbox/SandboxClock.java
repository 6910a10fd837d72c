package dev.flexkit.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock of sandbox mode, shared by the emulator and the product code. Real time flows
 * through it, and tests jump it forward instead of sleeping; every jump lets timers (conversation
 * timers, reservation timeouts, inactivity deadlines) fire at once.
 */
public final class SandboxClock extends Clock {
  private final Clock base;
  private final AtomicLong offsetMillis;
  private final List<Runnable> onAdvance;

  public SandboxClock(Clock base) {
    this(base, new AtomicLong(), new CopyOnWriteArrayList<>());
  }

  private SandboxClock(Clock base, AtomicLong offsetMillis, List<Runnable> onAdvance) {
    this.base = base;
    this.offsetMillis = offsetMillis;
    this.onAdvance = onAdvance;
  }

  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward");
    }
    offsetMillis.addAndGet(by.toMillis());
    onAdvance.forEach(Runnable::run);
    return instant();
  }

  /** Runs after every jump, on the caller's thread, so the jump's effects are visible on return. */
  public void onAdvance(Runnable listener) {
    onAdvance.add(listener);
  }

  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  @Override
  public Instant instant() {
    return base.instant().plusMillis(offsetMillis.get());
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
