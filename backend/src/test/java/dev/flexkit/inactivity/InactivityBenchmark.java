package dev.flexkit.inactivity;

import dev.flexkit.RunningKit;
import dev.flexkit.auth.WebhookSignatures;
import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/benchmarks.md, not a test: the class name keeps it out of {@code mvn test}. Run
 * one method with {@code mvn -o -pl backend test -Dtest='InactivityBenchmark#…' -DargLine=-Xmx256m}.
 */
class InactivityBenchmark {
  private static final int TRACKED_FOR_WEBHOOKS = 1_000;
  private static final Duration MEASURE = Duration.ofSeconds(10);
  private static final int THREADS = 16;

  @Test
  void webhookIngestionOnH2() throws Exception {
    try (RunningKit kit = RunningKit.start()) {
      ingest(kit, "H2 file");
    }
  }

  @Test
  void webhookIngestionOnPostgres() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
         RunningKit kit = RunningKit.start("DATABASE_URL", pg.getJdbcUrl("postgres", "postgres"),
             "DATABASE_USER", "postgres", "DATABASE_PASSWORD", "postgres")) {
      ingest(kit, "PostgreSQL (embedded)");
    }
  }

  private static void ingest(RunningKit kit, String store) throws Exception {
    String token = kit.sandbox().account().authToken();
    String base = kit.kit().publicBaseUrl().toString().replaceAll("/$", "");
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < TRACKED_FOR_WEBHOOKS; i++) {
      Map<String, List<String>> accepted = new LinkedHashMap<>(TimersFixture.accepted(i).params());
      send(http, base + "/webhooks/taskrouter", token, accepted);
    }
    List<HttpRequest> messages = new ArrayList<>();
    StringBuilder lua = new StringBuilder("local bodies = {}\nlocal sigs = {}\n");
    for (int i = 0; i < TRACKED_FOR_WEBHOOKS; i++) {
      Map<String, List<String>> p = new LinkedHashMap<>();
      p.put("EventType", List.of(System.getProperty("bench.event", "onMessageAdded")));
      p.put("ConversationSid", List.of(TimersFixture.conversation(i)));
      p.put("Author", List.of("+1555" + String.format("%07d", i)));
      p.put("Body", List.of("still here"));
      p.put("Source", List.of("SMS"));
      p.put("MessageSid", List.of(String.format("IM%032d", i)));
      messages.add(request(base + "/webhooks/conversations", token, p));
      lua.append("bodies[").append(i + 1).append("] = \"").append(form(p)).append("\"\n");
      lua.append("sigs[").append(i + 1).append("] = \"").append(WebhookSignatures.sign(token, base + "/webhooks/conversations", p))
          .append("\"\n");
    }
    if (Files.isExecutable(java.nio.file.Path.of("/usr/bin/wrk"))) {
      lua.append("local n = 0\nrequest = function()\n  n = n % ").append(TRACKED_FOR_WEBHOOKS).append(" + 1\n")
          .append("  return wrk.format(\"POST\", \"/webhooks/conversations\", {[\"Content-Type\"] = ")
          .append("\"application/x-www-form-urlencoded\", [\"X-Twilio-Signature\"] = sigs[n]}, bodies[n])\nend\n");
      java.nio.file.Path script = Files.createTempFile("webhooks", ".lua");
      Files.writeString(script, lua);
      Process wrk = new ProcessBuilder("wrk", "-t2", "-c16", "-d10s", "--latency", "-s", script.toString(), base + "/")
          .redirectErrorStream(true).start();
      String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      wrk.waitFor();
      System.out.println("BENCH wrk webhook ingestion (" + store + "):\n" + out);
    }
    run(http, messages, Duration.ofSeconds(3));
    long[] result = run(http, messages, MEASURE);
    System.out.printf("BENCH webhook ingestion (%s): %d requests in %d s = %.0f/s, %d non-2xx, threads=%d%n", store, result[0],
        MEASURE.toSeconds(), result[0] / (double) MEASURE.toSeconds(), result[1], THREADS);

  }

  private static long[] run(HttpClient http, List<HttpRequest> requests, Duration duration) throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong bad = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          HttpRequest r = requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
          try {
            int status = http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
            (status / 100 == 2 ? ok : bad).incrementAndGet();
          } catch (Exception e) {
            bad.incrementAndGet();
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new long[] {ok.get(), bad.get()};
  }

  private static void send(HttpClient http, String url, String token, Map<String, List<String>> params) throws Exception {
    int status = http.send(request(url, token, params), HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status / 100 != 2) {
      throw new IllegalStateException(url + " answered " + status);
    }
  }

  private static String form(Map<String, List<String>> params) {
    return params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue().get(0), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static HttpRequest request(String url, String token, Map<String, List<String>> params) {
    String body = form(params);
    return HttpRequest.newBuilder(java.net.URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", WebhookSignatures.sign(token, url, params))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  /** 100,000 conversations tracked at once on an H2 file, fired by the real scheduler on the real clock. */
  @Test
  void hundredThousandTrackedOnH2() throws Exception {
    int n = 100_000;
    int spreadSec = 60;
    DatabaseSettings settings = new DatabaseSettings("jdbc:h2:file:" + Files.createTempDirectory("bench").resolve("kit"), "sa", "",
        DatabaseSettings.Vendor.H2);
    Clock clock = Clock.systemUTC();
    long[] lateness = new long[2 * n];
    AtomicLong fired = new AtomicLong();
    InactivityActions recording = new InactivityActions() {
      @Override
      public void warn(Timer t, InactivitySettings s, boolean retry) {
        lateness[(int) fired.getAndIncrement()] = Duration.between(t.warningAt(), clock.instant()).toMillis();
      }

      @Override
      public boolean wrapUp(Timer t) {
        lateness[(int) fired.getAndIncrement()] = Duration.between(t.deadline(), clock.instant()).toMillis();
        return true;
      }
    };
    // Timers of 90..149 s with a 30 s warning: arming finishes before the first step falls due.
    SettingsSource spread = (channel, queue) -> new InactivitySettings(90 + Integer.parseInt(queue.substring(2)) % spreadSec, 30,
        "still there?", "system", false);
    try (Database db = Database.open(settings, 4)) {
      InactivityService service = new InactivityService(new InactivityTimers(db), spread, recording, clock, 8);
      long armStart = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Map<String, List<String>> p = new LinkedHashMap<>(TimersFixture.accepted(i).params());
        p.put("TaskQueueSid", List.of("WQ" + (i % spreadSec)));
        service.onTaskRouterEvent(new dev.flexkit.webhooks.TaskRouterEvent(p));
      }
      long armMs = (System.nanoTime() - armStart) / 1_000_000;
      System.gc();
      long heapAfterArm = usedHeap();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      try (InactivityScheduler scheduler = new InactivityScheduler(service).start(250)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90 + spreadSec + 20 - armMs / 1000).toNanos();
        while (fired.get() < 2L * n && System.nanoTime() < deadline) {
          Thread.sleep(500);
        }
      }
      long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      long[] done = Arrays.copyOf(lateness, (int) fired.get());
      Arrays.sort(done);
      System.out.printf("BENCH 100k tracked (H2 file): armed %d in %d ms; fired %d of %d steps; lateness p50 %d ms, p99 %d ms,"
              + " max %d ms; heap used after arming %d MB, peak while firing %d MB (max heap %d MB)%n",
          n, armMs, done.length, 2 * n, done[done.length / 2], done[(int) (done.length * 0.99)], done[done.length - 1],
          heapAfterArm >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
