package dev.flexkit.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.http.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Twilio round trip passes here. twilio-java's own {@code reliableRequest} repeats any 5xx
 * three times, POSTs included, 100 ms apart; this replaces it with {@link RetryPolicy}, bounds the
 * requests in flight, and counts round trips. Callers over the bound wait for a slot (up to {@code
 * queueTimeout}); a slot is held only while a request is on the wire, not while waiting to retry.
 */
final class GatewayHttpClient extends HttpClient {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayHttpClient.class);

  /** How the gateway waits between attempts; tests record instead of sleeping. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final HttpClient transport;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Semaphore slots;
  private final Duration queueTimeout;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong roundTrips = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  GatewayHttpClient(
      HttpClient transport,
      RetryPolicy policy,
      int maxConcurrency,
      Duration queueTimeout,
      Sleeper sleeper) {
    this.transport = transport;
    this.policy = policy;
    this.sleeper = sleeper;
    this.slots = new Semaphore(maxConcurrency, true);
    this.queueTimeout = queueTimeout;
  }

  @Override
  public Response makeRequest(Request request) {
    return send(request);
  }

  @Override
  public Response reliableRequest(Request request) {
    return send(request);
  }

  @Override
  public Response reliableRequest(
      Request request, int[] retryCodes, int retries, long delayMillis) {
    return send(request);
  }

  private Response send(Request request) {
    requests.incrementAndGet();
    String method = request.getMethod().toString();
    for (int attempt = 1; ; attempt++) {
      Optional<Duration> wait;
      try {
        Response response = once(request);
        wait =
            policy.afterStatus(
                method, response.getStatusCode(), header(response, "Retry-After"), attempt);
        if (wait.isEmpty()) {
          return response;
        }
        LOG.info(
            "Twilio answered {} to {} {}; attempt {} of {}, retrying in {} ms",
            response.getStatusCode(),
            method,
            request.getUrl(),
            attempt,
            policy.maxAttempts(),
            wait.get().toMillis());
      } catch (ApiConnectionException e) {
        wait = policy.afterConnectionFailure(method, attempt);
        if (wait.isEmpty()) {
          throw e;
        }
        LOG.info(
            "Twilio unreachable for {} {} ({}); retrying in {} ms",
            method,
            request.getUrl(),
            e.getMessage(),
            wait.get().toMillis());
      }
      retries.incrementAndGet();
      try {
        sleeper.sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiConnectionException(
            "interrupted while waiting to retry " + method + " " + request.getUrl(), e);
      }
    }
  }

  private Response once(Request request) {
    try {
      if (!slots.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TwilioCallException.Busy(slots.availablePermits() + inFlight.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("interrupted while waiting for a Twilio slot", e);
    }
    int now = inFlight.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
    try {
      roundTrips.incrementAndGet();
      return transport.makeRequest(request);
    } finally {
      inFlight.decrementAndGet();
      slots.release();
    }
  }

  private static String header(Response response, String name) {
    Header[] headers = response.getHeaders();
    if (headers == null) {
      return null;
    }
    for (Header h : headers) {
      if (h.getName().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  GatewayStats stats() {
    return new GatewayStats(
        requests.get(), roundTrips.get(), retries.get(), inFlight.get(), peak.get());
  }
}
