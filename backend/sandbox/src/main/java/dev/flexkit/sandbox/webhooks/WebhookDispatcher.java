package dev.flexkit.sandbox.webhooks;

import dev.flexkit.sandbox.SandboxAccount;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Error 50076: a Conversations webhook got no answer within 5 s (R22). */
  public static final int CONVERSATIONS_TIMEOUT = 50076;

  /**
   * Who sends, which decides how long the receiver has and what a good answer is: Conversations
   * waits 5 s for any 2xx (R22); TaskRouter waits 15 s for a 204 with {@code Content-Type:
   * application/json} (R47).
   */
  public enum Sender {
    CONVERSATIONS(Duration.ofSeconds(5)),
    TASKROUTER(Duration.ofSeconds(15));

    final Duration timeout;

    Sender(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /**
   * One attempt, for the control API and for tests. {@code errorCode} is Twilio's debugger code
   * when there is one (50076), else 0; {@code error} says what went wrong, or is null.
   */
  public record Delivery(
      long id,
      String url,
      String eventType,
      int status,
      String error,
      int errorCode,
      Instant at,
      Map<String, List<String>> params,
      String signature) {}

  private final SandboxAccount account;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
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
    post(Sender.CONVERSATIONS, url, params);
  }

  public void post(Sender from, String url, Map<String, List<String>> params) {
    Map<String, List<String>> copy = new LinkedHashMap<>(params);
    pending.incrementAndGet();
    last =
        sender.submit(
            () -> {
              try {
                deliver(from, url, copy);
              } finally {
                pending.decrementAndGet();
              }
            });
  }

  /** Convenience for the usual single-valued payloads. */
  public void postSingle(String url, Map<String, String> params) {
    postSingle(Sender.CONVERSATIONS, url, params);
  }

  public void postSingle(Sender sender, String url, Map<String, String> params) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> {
          if (v != null) {
            multi.put(k, List.of(v));
          }
        });
    post(sender, url, multi);
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

  private void deliver(Sender sender, String url, Map<String, List<String>> params) {
    String body =
        params.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
            .collect(Collectors.joining("&"));
    String eventType = params.getOrDefault("EventType", List.of("")).get(0);
    int status = 0;
    String error = null;
    int errorCode = 0;
    String signature = TwilioSignature.sign(account.authToken(), url, params);
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(sender.timeout)
              .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
              .header("X-Twilio-Signature", signature)
              .header(
                  "I-Twilio-Idempotency-Token",
                  Long.toHexString(ids.get()) + "-" + System.nanoTime())
              .header("User-Agent", "TwilioProxy/1.1")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      error = misanswered(sender, response);
      if (error != null) {
        LOG.warn("webhook {} to {}: {}", eventType, url, error);
      }
      if (refusing.remove(url)) {
        LOG.info("webhooks to {} are answered again", url);
      }
    } catch (HttpTimeoutException e) {
      errorCode = sender == Sender.CONVERSATIONS ? CONVERSATIONS_TIMEOUT : 0;
      error = "no answer within " + sender.timeout.toSeconds() + " s";
      logFailure(url, eventType, e, (errorCode == 0 ? "" : errorCode + " ") + error);
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      logFailure(url, eventType, e, error);
    }
    synchronized (this) {
      if (deliveries.size() == 1000) {
        deliveries.remove(0);
      }
      deliveries.add(
          new Delivery(
              ids.incrementAndGet(),
              url,
              eventType,
              status,
              error,
              errorCode,
              clock.instant(),
              params,
              signature));
    }
  }

  /** Why an answer is not the one the sender expects, or null. */
  private static String misanswered(Sender sender, HttpResponse<?> response) {
    int status = response.statusCode();
    if (sender == Sender.TASKROUTER) {
      boolean json =
          response
              .headers()
              .firstValue("Content-Type")
              .filter(t -> t.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
              .isPresent();
      return status == 204 && json
          ? null
          : "TaskRouter expects 204 with Content-Type: application/json, got "
              + status
              + response.headers().firstValue("Content-Type").map(t -> " " + t).orElse("");
    }
    return status / 100 == 2 ? null : "answered " + status;
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
