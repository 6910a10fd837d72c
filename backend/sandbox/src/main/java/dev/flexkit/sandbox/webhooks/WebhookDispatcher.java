package dev.flexkit.sandbox.webhooks;

import dev.flexkit.sandbox.SandboxAccount;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the webhooks Twilio would send: signed form POSTs, one at a time in the order the events
 * happened, off the request thread (Twilio never calls back inside the API call that caused it).
 */
public final class WebhookDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** One attempt, for the control API and for tests. */
  public record Delivery(
      long id, String url, String eventType, int status, String error, Instant at) {}

  private final SandboxAccount account;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sandbox-webhooks");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong ids = new AtomicLong();
  private final AtomicInteger pending = new AtomicInteger();
  private final List<Delivery> deliveries = new ArrayList<>();
  private volatile Future<?> last;
  private volatile boolean closed;

  /**
   * URLs whose last delivery found nothing listening: their further refusals are logged at DEBUG.
   */
  private final Set<String> refusing = ConcurrentHashMap.newKeySet();

  public WebhookDispatcher(SandboxAccount account, Clock clock) {
    this.account = account;
    this.clock = clock;
  }

  /** Queues a signed form POST of {@code params} (in insertion order) to {@code url}. */
  public void post(String url, Map<String, List<String>> params) {
    Map<String, List<String>> copy = new LinkedHashMap<>(params);
    pending.incrementAndGet();
    last =
        sender.submit(
            () -> {
              try {
                deliver(url, copy);
              } finally {
                pending.decrementAndGet();
              }
            });
  }

  /** Convenience for the usual single-valued payloads. */
  public void postSingle(String url, Map<String, String> params) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> {
          if (v != null) {
            multi.put(k, List.of(v));
          }
        });
    post(url, multi);
  }

  /** Waits until everything queued so far has been attempted. */
  public void awaitIdle(Duration max) {
    try {
      sender.submit(() -> {}).get(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("webhooks still in flight after " + max, e);
    }
  }

  /**
   * Webhooks queued or being sent: 0 once every event so far has reached (or failed to reach) its
   * URL.
   */
  public int pending() {
    return pending.get();
  }

  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  private void deliver(String url, Map<String, List<String>> params) {
    String body =
        params.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
            .collect(Collectors.joining("&"));
    String eventType = params.getOrDefault("EventType", List.of("")).get(0);
    int status = 0;
    String error = null;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
              .header("X-Twilio-Signature", TwilioSignature.sign(account.authToken(), url, params))
              .header(
                  "I-Twilio-Idempotency-Token",
                  Long.toHexString(ids.get()) + "-" + System.nanoTime())
              .header("User-Agent", "TwilioProxy/1.1")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (refusing.remove(url)) {
        LOG.info("webhooks to {} are answered again", url);
      }
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      logFailure(url, eventType, e, error);
    }
    synchronized (this) {
      if (deliveries.size() == 1000) {
        deliveries.remove(0);
      }
      deliveries.add(
          new Delivery(ids.incrementAndGet(), url, eventType, status, error, clock.instant()));
    }
  }

  /**
   * A service that stopped (a test's teardown, a restart) refuses every event queued for it: one
   * warning names it, and the rest go to DEBUG until it answers again, so they bury nothing.
   */
  private void logFailure(String url, String eventType, Exception e, String error) {
    if (closed) {
      LOG.debug("webhook {} to {} dropped: the sandbox is stopping", eventType, url);
    } else if (!(e instanceof ConnectException)) {
      LOG.warn("webhook {} to {} failed: {}", eventType, url, error);
    } else if (refusing.add(url)) {
      LOG.warn(
          "webhook {} to {} failed: {}; further refusals by it are logged at DEBUG",
          eventType,
          url,
          error);
    } else {
      LOG.debug("webhook {} to {} failed: {}", eventType, url, error);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closed = true;
    sender.shutdownNow();
  }
}
