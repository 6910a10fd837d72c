package dev.flexkit.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.web.ObjectMappers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time of a Twilio emulator whose clock is moved by its tests (the sandbox's {@code GET
 * /sandbox/api/clock}, answering {@code {"now": "<ISO-8601>"}}): this machine's time plus the
 * emulator's offset, polled a few times a second. Only for {@code TWILIO_EMULATOR_CLOCK_URL};
 * against real Twilio the service runs on the system clock.
 */
public final class EmulatorClock extends Clock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorClock.class);
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  /** Smaller differences are the poll's own latency, not a jump. */
  private static final long JUMP_MILLIS = 500;

  private final URI url;
  private final Clock base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicLong offsetMillis = new AtomicLong();
  private final List<Runnable> onJump = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "emulator-clock");
            t.setDaemon(true);
            return t;
          });

  private EmulatorClock(URI url, Clock base) {
    this.url = url;
    this.base = base;
  }

  /**
   * Reads the emulator's time once before returning (so nothing runs on the wrong time), then every
   * {@code every}.
   */
  public static EmulatorClock following(URI url, Duration every) {
    EmulatorClock clock = new EmulatorClock(url, Clock.systemUTC());
    if (!clock.refresh()) {
      LOG.warn(
          "the emulator clock at {} did not answer; running on this machine's time until it does",
          url);
    }
    clock.poller.scheduleWithFixedDelay(
        clock::refresh, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    LOG.warn(
        "the service's clock follows the emulator at {} (TWILIO_EMULATOR_CLOCK_URL): for emulators only",
        url);
    return clock;
  }

  /** Runs on the polling thread after every jump of the emulator's clock. */
  public void onJump(Runnable listener) {
    onJump.add(listener);
  }

  boolean refresh() {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode now = r.statusCode() == 200 ? JSON.readTree(r.body()).path("now") : null;
      if (now == null || !now.isTextual()) {
        LOG.debug("emulator clock answered {}", r.statusCode());
        return false;
      }
      long offset = Instant.parse(now.asText()).toEpochMilli() - base.millis();
      long before = offsetMillis.get();
      if (Math.abs(offset - before) >= JUMP_MILLIS) {
        offsetMillis.set(offset);
        onJump.forEach(EmulatorClock::runQuietly);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.debug("emulator clock unreachable: {}", e.getMessage());
      return false;
    }
  }

  private static void runQuietly(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      LOG.error("clock jump listener failed", e);
    }
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

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
