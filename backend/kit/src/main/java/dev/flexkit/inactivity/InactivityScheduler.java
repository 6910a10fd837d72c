package dev.flexkit.inactivity;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the store for due steps every {@code pollMillis} of real time; {@link #runNow} lets the
 * composition root also check right after a clock jump. One sweep at a time per instance; across
 * instances the store's compare-and-set decides.
 */
public final class InactivityScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InactivityScheduler.class);

  private final InactivityService service;
  private final ReentrantLock sweeping = new ReentrantLock();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "inactivity-scheduler");
            t.setDaemon(true);
            return t;
          });

  public InactivityScheduler(InactivityService service) {
    this.service = service;
  }

  public InactivityScheduler start(long pollMillis) {
    executor.scheduleWithFixedDelay(this::runNow, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Fires whatever is due, on the caller's thread, so its effects are visible on return. */
  public int runNow() {
    sweeping.lock();
    try {
      return service.fireDue();
    } catch (RuntimeException e) {
      LOG.error("inactivity sweep failed", e);
      return 0;
    } finally {
      sweeping.unlock();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    service.close();
  }
}
