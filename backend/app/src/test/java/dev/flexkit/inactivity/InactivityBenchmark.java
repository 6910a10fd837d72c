package dev.flexkit.inactivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/benchmarks.md, not a test: the class name keeps it out of {@code mvn test}. Run
 * one method with {@code mvn -o -pl backend test -Dtest='InactivityBenchmark#…'
 * -DargLine=-Xmx256m}.
 */
class InactivityBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TRACKED_FOR_WEBHOOKS = 1_000;
  private static final String WRK = "/usr/bin/wrk";

  /** The JIT needs this much load before the figures mean anything; on 2 busy cores, more. */
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 40);

  private static final int MEASURE_SECONDS = 10;

  @Test
  void webhookIngestionOnH2() throws Exception {
    try (RunningKit kit = RunningKit.start()) {
      ingest(kit, "H2 file");
    }
  }

  @Test
  void webhookIngestionOnPostgres() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        RunningKit kit = RunningKit.onPostgres(pg)) {
      ingest(kit, "PostgreSQL (embedded)");
    }
  }

  /**
   * {@code wrk} replays signed {@code onMessageAdded} webhooks from the customers of 1,000 tracked
   * conversations (each one resets a countdown), after a warm-up; then the same with an event no
   * capability acts on (signature check and fan-out only). Server CPU per webhook is this JVM's CPU
   * time over the run (the sandbox sits idle in it), which other processes on the machine disturb
   * less than the rate.
   */
  private static void ingest(RunningKit kit, String store) throws Exception {
    if (!Files.isExecutable(Path.of(WRK))) {
      throw new IllegalStateException("the webhook benchmark needs wrk at " + WRK);
    }
    String token = kit.sandbox().account().authToken();
    String base = kit.kit().publicBaseUrl().toString().replaceAll("/$", "");
    HttpClient http = HttpClient.newHttpClient();
    JsonNode alice =
        JSON.readTree(
            kit.send(
                    HttpRequest.newBuilder(kit.url("/sandbox/api/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"identity\":\"alice_40example_2Ecom\"}"))
                        .build())
                .body());
    for (int i = 0; i < TRACKED_FOR_WEBHOOKS; i++) {
      Map<String, List<String>> accepted = new LinkedHashMap<>(TimersFixture.accepted(i).params());
      accepted.put("WorkerSid", List.of(alice.get("workerSid").asText()));
      send(http, base + "/webhooks/taskrouter", token, accepted);
    }
    Map<String, String> armedDeadlines = deadlines(kit, alice.get("token").asText());

    Path resets = script(token, base, "onMessageAdded");
    wrk(base, resets, WARM_UP_SECONDS);
    System.out.println(
        "BENCH webhook ingestion, customer messages resetting countdowns ("
            + store
            + "): "
            + measured(base, resets));
    Map<String, String> after = deadlines(kit, alice.get("token").asText());
    long moved =
        armedDeadlines.entrySet().stream()
            .filter(e -> Instant.parse(after.get(e.getKey())).isAfter(Instant.parse(e.getValue())))
            .count();
    if (moved != TRACKED_FOR_WEBHOOKS) {
      throw new AssertionError(
          "only " + moved + " of " + TRACKED_FOR_WEBHOOKS + " countdowns were reset");
    }
    Path ignored = script(token, base, "onNothingWeActOn");
    wrk(base, ignored, 5);
    System.out.println(
        "BENCH webhook ingestion, an event no capability acts on ("
            + store
            + "): "
            + measured(base, ignored));
  }

  private static String measured(String base, Path script) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    String out = wrk(base, script, MEASURE_SECONDS);
    long cpu = os.getProcessCpuTime() - cpuBefore;
    long requests = Long.parseLong(find(out, "(\\d+) requests in"));
    String errors = out.contains("Non-2xx") ? find(out, "Non-2xx or 3xx responses: (\\d+)") : "0";
    return String.format(
        "%s/s, p50 %s, p99 %s, %s non-2xx, server CPU %d µs per webhook (wrk -t2 -c16 -d%ds; load average %.1f)",
        find(out, "Requests/sec:\\s+([0-9.]+)"),
        find(out, "(?m)^\\s+50%\\s+(\\S+)"),
        find(out, "(?m)^\\s+99%\\s+(\\S+)"),
        errors,
        cpu / 1_000 / Math.max(1, requests),
        MEASURE_SECONDS,
        os.getSystemLoadAverage());
  }

  private static String wrk(String base, Path script, int seconds) throws Exception {
    Process wrk =
        new ProcessBuilder(
                WRK,
                "-t2",
                "-c16",
                "-d" + seconds + "s",
                "--latency",
                "-s",
                script.toString(),
                base + "/")
            .redirectErrorStream(true)
            .start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    wrk.waitFor();
    return out;
  }

  /**
   * A wrk script cycling through the tracked conversations' signed webhooks of {@code eventType}.
   */
  private static Path script(String token, String base, String eventType) throws Exception {
    StringBuilder lua = new StringBuilder("local bodies = {}\nlocal sigs = {}\n");
    for (int i = 0; i < TRACKED_FOR_WEBHOOKS; i++) {
      Map<String, List<String>> p = new LinkedHashMap<>();
      p.put("EventType", List.of(eventType));
      p.put("ConversationSid", List.of(TimersFixture.conversation(i)));
      p.put("Author", List.of("+1555" + String.format("%07d", i)));
      p.put("Body", List.of("still here"));
      p.put("Source", List.of("SMS"));
      p.put("MessageSid", List.of(String.format("IM%032d", i)));
      lua.append("bodies[").append(i + 1).append("] = \"").append(form(p)).append("\"\n");
      lua.append("sigs[")
          .append(i + 1)
          .append("] = \"")
          .append(WebhookSignatures.sign(token, base + "/webhooks/conversations", p))
          .append("\"\n");
    }
    lua.append("local n = 0\nrequest = function()\n  n = n % ")
        .append(TRACKED_FOR_WEBHOOKS)
        .append(" + 1\n")
        .append("  return wrk.format(\"POST\", \"/webhooks/conversations\", {[\"Content-Type\"] = ")
        .append(
            "\"application/x-www-form-urlencoded\", [\"X-Twilio-Signature\"] = sigs[n]}, bodies[n])\nend\n");
    Path script = Files.createTempFile("webhooks", ".lua");
    Files.writeString(script, lua);
    return script;
  }

  private static Map<String, String> deadlines(RunningKit kit, String agentToken) throws Exception {
    JsonNode timers =
        JSON.readTree(kit.get("/api/inactivity", "Authorization", "Bearer " + agentToken).body())
            .get("timers");
    Map<String, String> out = new LinkedHashMap<>();
    timers.forEach(t -> out.put(t.get("conversationSid").asText(), t.get("deadline").asText()));
    return out;
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : "?";
  }

  private static void send(
      HttpClient http, String url, String token, Map<String, List<String>> params)
      throws Exception {
    String body = form(params);
    HttpRequest request =
        HttpRequest.newBuilder(java.net.URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", WebhookSignatures.sign(token, url, params))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status / 100 != 2) {
      throw new IllegalStateException(url + " answered " + status);
    }
  }

  private static String form(Map<String, List<String>> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue().get(0), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /**
   * 100,000 conversations tracked at once on an H2 file, fired by the real scheduler on the real
   * clock.
   */
  @Test
  void hundredThousandTrackedOnH2() throws Exception {
    int n = 100_000;
    int spreadSec = 60;
    DatabaseSettings settings =
        new DatabaseSettings(
            "jdbc:h2:file:" + Files.createTempDirectory("bench").resolve("kit"),
            "sa",
            "",
            DatabaseSettings.Vendor.H2);
    Clock clock = Clock.systemUTC();
    long[] lateness = new long[2 * n];
    AtomicLong fired = new AtomicLong();
    InactivityActions recording =
        new InactivityActions() {
          @Override
          public void warn(Timer t, InactivitySettings s, boolean retry) {
            lateness[(int) fired.getAndIncrement()] =
                Duration.between(t.warningAt(), clock.instant()).toMillis();
          }

          @Override
          public boolean wrapUp(Timer t) {
            lateness[(int) fired.getAndIncrement()] =
                Duration.between(t.deadline(), clock.instant()).toMillis();
            return true;
          }
        };
    // Timers of 90..149 s with a 30 s warning: arming finishes before the first step falls due.
    SettingsSource spread =
        (channel, queue) ->
            new InactivitySettings(
                90 + Integer.parseInt(queue.substring(2)) % spreadSec,
                30,
                "still there?",
                "system",
                false);
    try (Database db = Database.open(settings, 4)) {
      InactivityService service =
          new InactivityService(new InactivityTimers(db), spread, recording, clock, 8);
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
        long deadline =
            System.nanoTime() + Duration.ofSeconds(90 + spreadSec + 20 - armMs / 1000).toNanos();
        while (fired.get() < 2L * n && System.nanoTime() < deadline) {
          Thread.sleep(500);
        }
      }
      long peak =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .mapToLong(p -> p.getPeakUsage().getUsed())
              .sum();
      long[] done = Arrays.copyOf(lateness, (int) fired.get());
      Arrays.sort(done);
      System.out.printf(
          "BENCH 100k tracked (H2 file): armed %d in %d ms; fired %d of %d steps; lateness p50 %d ms, p99 %d ms,"
              + " max %d ms; heap used after arming %d MB, peak while firing %d MB (max heap %d MB)%n",
          n,
          armMs,
          done.length,
          2 * n,
          done[done.length / 2],
          done[(int) (done.length * 0.99)],
          done[done.length - 1],
          heapAfterArm >> 20,
          peak >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
