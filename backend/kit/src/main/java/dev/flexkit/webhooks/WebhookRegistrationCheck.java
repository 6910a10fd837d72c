package dev.flexkit.webhooks;

import dev.flexkit.health.HealthCheck;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not ready until Twilio's webhooks point at this service: before that, customer messages and
 * TaskRouter events would be lost on the way. A failed attempt is retried every 30 s.
 */
public final class WebhookRegistrationCheck implements HealthCheck {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrationCheck.class);

  private volatile Result result = Result.unhealthy("registering Twilio webhooks");
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "webhook-registration");
            t.setDaemon(true);
            return t;
          });

  @Override
  public String name() {
    return "twilioWebhooks";
  }

  @Override
  public Result check() {
    return result;
  }

  /** Runs {@code registration} now, and again every 30 s until it succeeds. */
  public void register(Runnable registration) {
    try {
      registration.run();
      result = Result.healthy("Conversations and TaskRouter events point here");
      retries.shutdown();
    } catch (RuntimeException e) {
      result = Result.unhealthy("could not register Twilio webhooks: " + e.getMessage());
      LOG.error(
          "could not point Twilio's webhooks at this service (retrying in 30 s): {}",
          e.getMessage());
      retries.schedule(() -> register(registration), 30, TimeUnit.SECONDS);
    }
  }
}
