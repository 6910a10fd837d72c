package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import dev.flexkit.sandbox.traffic.CallLog;
import dev.flexkit.sandbox.traffic.Faults;
import dev.flexkit.twilio.TwilioGatewayTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/benchmarks.md, not a test: the class name keeps it out of {@code mvn test}. Run
 * it with {@code mvn -o -pl backend test -Dtest=OutboundLatencyBenchmark
 * '-DargLine=-DLOG_LEVEL=WARN'}.
 *
 * <p>50 agents (workers created in the sandbox, each with its own Flex token) send at once, every
 * Twilio call delayed 100 ms by the sandbox. The ratio is a send's end-to-end latency over
 * (sequential Twilio round trips × 100 ms): 1.0 means the service adds nothing but Twilio's own
 * waiting. Measured with the default bound on concurrent Twilio calls and with the bound lifted.
 */
class OutboundLatencyBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int AGENTS = 50;
  private static final int SENDS_PER_AGENT = 10;
  private static final long LATENCY_MS = 100;
  private static final String SID = "[A-Z]{2}[0-9a-f]{32}";

  private final AtomicInteger customers = new AtomicInteger();

  @Test
  void latencyRatioAtFiftyConcurrentAgents() throws Exception {
    // Checking every emulator answer against Twilio's specs costs CPU on each call; these figures
    // are about the service.
    System.clearProperty("sandbox.spec.dir");
    for (int bound : new int[] {8, 32, 100}) {
      try (RunningKit kit = RunningKit.start("TWILIO_MAX_CONCURRENCY", String.valueOf(bound))) {
        List<String> tokens = agents(kit);
        kit.sandbox()
            .faults()
            .add(
                new Faults.Rule(
                    "* /.*", Faults.Kind.LATENCY, 0, LATENCY_MS, 1, Integer.MAX_VALUE, 0));
        for (String mode : List.of("open-chat", "wait-for-reply")) {
          measure(kit, tokens, mode, bound);
        }
      }
    }
  }

  /**
   * Workers with Flex identities, Available, and their tokens already validated (IAM's answer is
   * cached).
   */
  private static List<String> agents(RunningKit kit) throws Exception {
    String workspace = kit.sandbox().taskRouter().workspaceSid();
    var account = kit.sandbox().account();
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (account.accountSid() + ":" + account.authToken())
                        .getBytes(StandardCharsets.UTF_8));
    OutboundFixture f = new OutboundFixture(kit);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      String identity = "agent" + i + "_40example_2Ecom";
      ObjectNode attributes =
          JSON.createObjectNode()
              .put("contact_uri", "client:" + identity)
              .put("full_name", "Agent " + i);
      attributes.putArray("roles").add("agent");
      attributes.putObject("routing").putArray("skills");
      String form =
          "FriendlyName="
              + enc("agent" + i + "@example.com")
              + "&ActivitySid="
              + TaskRouterSeed.AVAILABLE_ACTIVITY_SID
              + "&Attributes="
              + enc(attributes.toString());
      HttpResponse<String> created =
          kit.send(
              HttpRequest.newBuilder(
                      kit.url("/twilio/taskrouter/v1/Workspaces/" + workspace + "/Workers"))
                  .header("Authorization", basic)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build());
      if (created.statusCode() != 201) {
        throw new AssertionError(created.body());
      }
      String token = f.token(identity);
      if (f.get("/api/me", token).statusCode() != 200) {
        throw new AssertionError("token of " + identity + " refused");
      }
      tokens.add(token);
    }
    return tokens;
  }

  private void measure(RunningKit kit, List<String> tokens, String mode, int bound)
      throws Exception {
    OutboundFixture f = new OutboundFixture(kit);
    // Round trips of one send alone, from the call log: how many, and how many one after the other
    // (the least of three sends, so a stray pause on this shared machine does not count as a step).
    List<CallLog.Call> calls = List.of();
    int sequential = Integer.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      kit.sandbox().calls().clear();
      send(f, tokens.get(i), mode);
      calls =
          TwilioGatewayTest.settledCalls(kit).stream()
              .filter(c -> !c.path().startsWith("/iam/"))
              .toList();
      sequential = Math.min(sequential, sequentialDepth(calls));
    }
    System.out.println(
        "BENCH outbound."
            + mode
            + ".roundTrips="
            + calls.size()
            + " sequential="
            + sequential
            + " "
            + calls.stream()
                .map(c -> c.method() + " " + c.path().replaceAll(SID, "{sid}"))
                .toList());

    List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
    Instant started = Instant.now();
    try {
      List<Future<?>> agents = new ArrayList<>();
      for (String token : tokens) {
        agents.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < SENDS_PER_AGENT; i++) {
                    micros.add(send(f, token, mode));
                  }
                  return null;
                }));
      }
      for (Future<?> a : agents) {
        a.get();
      }
    } finally {
      pool.shutdown();
    }
    long wallMs = java.time.Duration.between(started, Instant.now()).toMillis();
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    double ideal = sequential * LATENCY_MS * 1000.0;
    System.out.printf(
        "BENCH outbound.%s bound=%d agents=%d sends=%d wall=%d ms latency p50=%.0f ms p99=%.0f ms "
            + "ratio p50=%.2f p99=%.2f (ideal %d x %d ms)%n",
        mode,
        bound,
        AGENTS,
        sorted.size(),
        wallMs,
        pct(sorted, 50) / 1000.0,
        pct(sorted, 99) / 1000.0,
        pct(sorted, 50) / ideal,
        pct(sorted, 99) / ideal,
        sequential,
        LATENCY_MS);
  }

  /** One send's end-to-end time in microseconds; anything but 201 fails the run. */
  private long send(OutboundFixture f, String token, String mode) {
    String customer = "+1415555" + String.format("%04d", customers.incrementAndGet());
    String body =
        "{\"to\":\""
            + customer
            + "\",\"body\":\"Hello\",\"mode\":\""
            + mode
            + "\",\"routeTo\":\"me\"}";
    long t0 = System.nanoTime();
    HttpResponse<String> r = f.send(token, body);
    long us = (System.nanoTime() - t0) / 1_000;
    if (r.statusCode() != 201) {
      throw new AssertionError(r.statusCode() + " " + r.body());
    }
    return us;
  }

  /**
   * The longest chain of calls each starting after the previous ended: the round trips paid one
   * after the other.
   */
  static int sequentialDepth(List<CallLog.Call> calls) {
    List<long[]> spans = new ArrayList<>();
    for (CallLog.Call c : calls) {
      long end = c.at().toEpochMilli();
      spans.add(new long[] {end - c.durationMs(), end});
    }
    spans.sort(Comparator.comparingLong(s -> s[0]));
    int[] depth = new int[spans.size()];
    int best = 0;
    for (int i = 0; i < spans.size(); i++) {
      depth[i] = 1;
      for (int j = 0; j < i; j++) {
        // A few ms of slack: the log's start is derived from millisecond end times and durations.
        if (spans.get(j)[1] <= spans.get(i)[0] + 5) {
          depth[i] = Math.max(depth[i], depth[j] + 1);
        }
      }
      best = Math.max(best, depth[i]);
    }
    return best;
  }

  private static double pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
