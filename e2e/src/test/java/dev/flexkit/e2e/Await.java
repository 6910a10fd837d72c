package dev.flexkit.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Webhooks, routing and the desktops' polling are asynchronous: journeys wait for a state, not for
 * a time.
 */
final class Await {
  private Await() {}

  static void until(String what, Duration within, Callable<Boolean> condition) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (!condition.call()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
