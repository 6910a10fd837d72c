package dev.flexkit.health;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set-up step the service needs before it is ready (e.g. a Twilio resource it makes at start):
 * not ready until the step has worked once; a failed attempt is retried every 30 s.
 */
public final class RetriedStartupStep implements HealthCheck {
  private static final Logger LOG = LoggerFactory.getLogger(RetriedStartupStep.class);

  private final String name;
  private volatile Result result;
  private final ScheduledExecutorService retries;

  public RetriedStartupStep(String name, String pending) {
    this.name = name;
    this.result = Result.unhealthy(pending);
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name + "-retry");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Result check() {
    return result;
  }

  /** Runs {@code step} now, and again every 30 s until it succeeds. */
  public void run(Runnable step, String done) {
    try {
      step.run();
      result = Result.healthy(done);
      retries.shutdown();
    } catch (RuntimeException e) {
      result = Result.unhealthy(name + " failed: " + e.getMessage());
      LOG.error("{} failed (retrying in 30 s): {}", name, e.getMessage());
      retries.schedule(() -> run(step, done), 30, TimeUnit.SECONDS);
    }
  }
}
