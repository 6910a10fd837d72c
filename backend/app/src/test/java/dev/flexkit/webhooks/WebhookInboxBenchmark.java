package dev.flexkit.webhooks;

import dev.flexkit.RunningKit;
import dev.flexkit.auth.WebhookSignatures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/benchmarks.md, not a test (the class name keeps it out of {@code mvn test}):
 * signed webhooks through HTTP into the inbox and out to the listeners, from 16 keep-alive
 * connections of a raw-socket client in this JVM. Prints webhooks/s and the receipt-to-processed
 * lag the kit reports on {@code /health}.
 */
class WebhookInboxBenchmark {
  private static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 20);
  private static final int MEASURE_SECONDS = Integer.getInteger("bench.measure", 10);

  @Test
  void inboxOnH2() throws Exception {
    try (RunningKit kit = RunningKit.start()) {
      run(kit, "H2 file");
    }
  }

  @Test
  void inboxOnPostgres() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        RunningKit kit = RunningKit.onPostgres(pg)) {
      run(kit, "PostgreSQL (embedded)");
    }
  }

  private static void run(RunningKit kit, String store) throws Exception {
    String token = kit.sandbox().account().authToken();
    String base = kit.kit().publicBaseUrl().toString().replaceAll("/$", "");
    List<byte[]> requests = new ArrayList<>();
    URI local = kit.url("/");
    for (int i = 0; i < 1_000; i++) {
      Map<String, List<String>> p = new LinkedHashMap<>();
      p.put("EventType", List.of("onNothingWeActOn"));
      p.put("ConversationSid", List.of(String.format("CH%032d", i)));
      p.put("Body", List.of("benchmark"));
      String body = form(p);
      String sig = WebhookSignatures.sign(token, base + "/webhooks/conversations", p);
      requests.add(
          ("POST /webhooks/conversations HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: "
                  + sig
                  + "\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
    }
    load(local, requests, WARM_UP_SECONDS);
    long n = load(local, requests, MEASURE_SECONDS);
    Thread.sleep(2_000); // the last events drain; the lag below covers the last 10,000
    String health = kit.get("/health").body();
    Matcher lag = Pattern.compile("lag p50 (-?\\d+) ms, p99 (-?\\d+) ms").matcher(health);
    Matcher waiting = Pattern.compile("(\\d+) waiting").matcher(health);
    System.out.printf(
        "BENCH webhook inbox (%s): %.0f webhooks/s over %d s, %d connections; lag p50 %s ms, p99 %s ms; %s left waiting%n",
        store,
        n / (double) MEASURE_SECONDS,
        MEASURE_SECONDS,
        CONNECTIONS,
        lag.find() ? lag.group(1) : "?",
        lag.group(2),
        waiting.find() ? waiting.group(1) : "?");
  }

  /** Requests answered with 2xx in {@code seconds}; any other answer fails the run. */
  private static long load(URI url, List<byte[]> requests, int seconds) throws Exception {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong answered = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < CONNECTIONS; t++) {
      int offset = t * 61;
      Thread thread =
          new Thread(
              () -> {
                try (Socket s = new Socket(url.getHost(), url.getPort())) {
                  s.setTcpNoDelay(true);
                  OutputStream out = s.getOutputStream();
                  InputStream in = new BufferedInputStream(s.getInputStream());
                  for (int i = offset; System.nanoTime() < until; i++) {
                    out.write(requests.get(i % requests.size()));
                    out.flush();
                    int status = readResponse(in);
                    if (status / 100 != 2) {
                      throw new IllegalStateException("answered " + status);
                    }
                    answered.incrementAndGet();
                  }
                } catch (Exception e) {
                  failures.add(e);
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.get(0));
    }
    return answered.get();
  }

  private static int readResponse(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IllegalStateException("connection closed");
      }
      head.append((char) c);
    }
    String h = head.toString();
    Matcher length = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(h);
    int remaining = length.find() ? Integer.parseInt(length.group(1)) : 0;
    while (remaining-- > 0) {
      in.read();
    }
    return Integer.parseInt(h.substring(9, 12));
  }

  private static String form(Map<String, List<String>> params) {
    StringBuilder out = new StringBuilder();
    params.forEach(
        (k, v) ->
            out.append(out.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v.get(0), StandardCharsets.UTF_8)));
    return out.toString();
  }
}
