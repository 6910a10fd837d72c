import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded load generator for the Twilio sandbox (run as a single-file program: java SandboxLoad.java).
 * Sends authenticated Twilio IAM token validations (HTTP Basic + JSON body + JSON answer) from
 * CONNECTIONS threads for SECONDS seconds, after a 3 s warm-up, and prints requests per second and
 * latency percentiles. Loopback only.
 *
 * usage: java SandboxLoad.java BASE_URL ACCOUNT_SID AUTH_TOKEN [SECONDS=10] [CONNECTIONS=16]
 */
public final class SandboxLoad {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: java SandboxLoad.java BASE_URL ACCOUNT_SID AUTH_TOKEN [SECONDS] [CONNECTIONS]");
      System.exit(64);
    }
    URI base = URI.create(args[0].replaceAll("/+$", ""));
    if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    String sid = args[1];
    String basic = "Basic " + Base64.getEncoder().encodeToString((sid + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
    int seconds = Math.min(args.length > 3 ? Integer.parseInt(args[3]) : 10, 120);
    int connections = Math.min(args.length > 4 ? Integer.parseInt(args[4]) : 16, 256);
    URI target = URI.create(base + "/twilio/iam/v1/Accounts/" + sid + "/Tokens/validate");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(target).header("Authorization", basic)
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"benchmark-token\"}")).build();

    run(http, request, connections, 3_000, null); // warm-up: JIT, connection pools
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    List<long[]> latencies = new ArrayList<>();
    long started = System.nanoTime();
    run(http, request, connections, seconds * 1000L, new Object[] {ok, failed, latencies});
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(v -> v > 0)).sorted().toArray();
    System.out.printf("%d connections, %.1f s: %d ok, %d failed, %.0f requests/s, p50 %.2f ms, p99 %.2f ms%n",
        connections, elapsed, ok.sum(), failed.sum(), ok.sum() / elapsed,
        percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
  }

  @SuppressWarnings("unchecked")
  private static void run(HttpClient http, HttpRequest request, int connections, long millis, Object[] sinks) throws Exception {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      long[] samples = new long[2_000_000 / connections];
      AtomicLong n = new AtomicLong();
      if (sinks != null) {
        ((List<long[]>) sinks[2]).add(samples);
      }
      Thread t = new Thread(() -> {
        while (System.nanoTime() < deadline) {
          long t0 = System.nanoTime();
          boolean good;
          try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            good = r.statusCode() == 200;
          } catch (Exception e) {
            good = false;
          }
          long took = System.nanoTime() - t0;
          if (sinks != null) {
            ((LongAdder) sinks[good ? 0 : 1]).increment();
            int k = (int) n.getAndIncrement();
            if (k < samples.length) {
              samples[k] = took;
            }
          }
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
  }
}
