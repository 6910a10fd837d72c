package dev.flexkit.sandbox.webhooks;

import dev.flexkit.sandbox.SandboxAccount;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  public record Delivery(long id, String url, String eventType, int status, String error, Instant at) {}

  private final SandboxAccount account;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sandbox-webhooks");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong ids = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
  private final List<Delivery> deliveries = new ArrayList<>();
  private volatile Future<?> last;

  public WebhookDispatcher(SandboxAccount account, Clock clock) {
    this.account = account;
    this.clock = clock;
  }

  /** Queues a signed form POST of {@code params} (in insertion order) to {@code url}. */
  public void post(String url, Map<String, List<String>> params) {
    Map<String, List<String>> copy = new LinkedHashMap<>(params);
    pending.incrementAndGet();
    last = sender.submit(() -> {
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
    params.forEach((k, v) -> {
      if (v != null) {
        multi.put(k, List.of(v));
      }
    });
    post(url, multi);
  }

  /** Waits until everything queued so far has been attempted. */
  public void awaitIdle(Duration max) {
    try {
      sender.submit(() -> { }).get(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("webhooks still in flight after " + max, e);
    }
  }

  /** Webhooks queued or being sent: 0 once every event so far has reached (or failed to reach) its URL. */
  public int pending() {
    return pending.get();
  }

  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  private void deliver(String url, Map<String, List<String>> params) {
    String body = params.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
        .collect(Collectors.joining("&"));
    String eventType = params.getOrDefault("EventType", List.of("")).get(0);
    int status = 0;
    String error = null;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url))
          .timeout(TIMEOUT)
          .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
          .header("X-Twilio-Signature", TwilioSignature.sign(account.authToken(), url, params))
          .header("I-Twilio-Idempotency-Token", Long.toHexString(ids.get()) + "-" + System.nanoTime())
          .header("User-Agent", "TwilioProxy/1.1")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      LOG.warn("webhook {} to {} failed: {}", eventType, url, error);
    }
    synchronized (this) {
      if (deliveries.size() == 1000) {
        deliveries.remove(0);
      }
      deliveries.add(new Delivery(ids.incrementAndGet(), url, eventType, status, error, clock.instant()));
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
