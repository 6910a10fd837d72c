package dev.flexkit.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.rest.conversations.v1.Conversation;
import dev.flexkit.RunningKit;
import dev.flexkit.config.TwilioGatewaySettings;
import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.traffic.CallLog;
import dev.flexkit.sandbox.traffic.Faults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, the in-flight bound and error mapping, proven against the sandbox's injected faults. */
public class TwilioGatewayTest {
  private static final String CH = "CH" + "0".repeat(32);
  private static RunningKit kit;
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() {
    kit = RunningKit.start();
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  @BeforeEach
  void reset() {
    kit.sandbox().faults().clear();
    kit.sandbox().calls().clear();
  }

  /** A gateway to {@code kit}'s sandbox, one attempt per call, for tests in other packages. */
  public static TwilioGateway gatewayTo(RunningKit kit) {
    SandboxAccount account = kit.sandbox().account();
    return TwilioClients.emulated(
        () -> kit.url("/twilio"),
        account.accountSid(),
        account.authToken(),
        new TwilioGatewaySettings(4, 1),
        wait -> {});
  }

  private TwilioGateway gateway(int maxConcurrency, int maxAttempts) {
    SandboxAccount account = kit.sandbox().account();
    return TwilioClients.emulated(
        () -> kit.url("/twilio"),
        account.accountSid(),
        account.authToken(),
        new TwilioGatewaySettings(maxConcurrency, maxAttempts),
        waits::add);
  }

  private void fault(String match, int status, int times, long retryAfterSeconds) {
    kit.sandbox()
        .faults()
        .add(new Faults.Rule(match, Faults.Kind.STATUS, status, 0, 1, times, retryAfterSeconds));
  }

  /** The log once it has settled: the sandbox records a call just after answering it. */
  public static List<CallLog.Call> settledCalls(RunningKit kit) {
    List<CallLog.Call> last = kit.sandbox().calls().all();
    for (int i = 0; i < 40; i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      List<CallLog.Call> now = kit.sandbox().calls().all();
      if (now.size() == last.size()) {
        return now;
      }
      last = now;
    }
    return last;
  }

  private List<CallLog.Call> calls() {
    return settledCalls(kit);
  }

  private static Runnable fetch(TwilioGateway g) {
    return () -> g.call("fetch conversation", c -> Conversation.fetcher(CH).fetch(c));
  }

  @Test
  void aRateLimitedReadWaitsAtLeastRetryAfterThenGetsTwiliosRealAnswer() {
    fault("GET /conversations/v1/Conversations/.*", 429, 1, 3);
    TwilioGateway g = gateway(8, 4);
    assertThatThrownBy(fetch(g)::run)
        .isInstanceOfSatisfying(
            TwilioCallException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.twilioCode()).isEqualTo(20404);
            });
    assertThat(calls()).extracting(CallLog.Call::status).containsExactly(429, 404);
    assertThat(waits).hasSize(1);
    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aRateLimitedPostIsRetriedBecauseTwilioDidNothing() {
    fault("POST /conversations/v1/Conversations", 429, 1, 0);
    Conversation created =
        gateway(8, 4).call("create conversation", c -> Conversation.creator().create(c));
    assertThat(created.getSid()).startsWith("CH");
    assertThat(calls()).extracting(CallLog.Call::status).containsExactly(429, 201);
  }

  @Test
  void a503OnAPostIsNotRetriedSoNothingIsSentTwice() {
    fault("POST /conversations/v1/Conversations", 503, 5, 0);
    assertThatThrownBy(
            () -> gateway(8, 4).call("create conversation", c -> Conversation.creator().create(c)))
        .isInstanceOfSatisfying(
            TwilioCallException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.twilioStatus()).isEqualTo(503);
              assertThat(e.toError().error().code()).isEqualTo("twilio_error");
            });
    assertThat(calls()).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void a503OnAReadIsRetriedWithGrowingBackoffAndAtMostMaxAttemptsCalls() {
    fault("GET /conversations/v1/Conversations/.*", 503, 50, 0);
    TwilioGateway g = gateway(8, 4);
    assertThatThrownBy(fetch(g)::run)
        .isInstanceOfSatisfying(
            TwilioCallException.class, e -> assertThat(e.twilioStatus()).isEqualTo(503));
    assertThat(calls()).hasSize(4).extracting(CallLog.Call::status).containsOnly(503);
    assertThat(waits).hasSize(3);
    // Equal jitter: attempt n waits between half and all of 200 ms * 2^(n-1).
    for (int i = 0; i < waits.size(); i++) {
      long step = 200L << i;
      assertThat(waits.get(i).toMillis()).isBetween(step / 2, step);
    }
    assertThat(g.stats().requests()).isEqualTo(1);
    assertThat(g.stats().roundTrips()).isEqualTo(4);
    assertThat(g.stats().retries()).isEqualTo(3);
  }

  @Test
  void aFlakyReadRecoversWithoutAStorm() {
    fault("GET /conversations/v1/Conversations/.*", 500, 1, 0);
    TwilioGateway g = gateway(8, 4);
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(fetch(g)::run)
          .isInstanceOfSatisfying(
              TwilioCallException.class, e -> assertThat(e.twilioCode()).isEqualTo(20404));
    }
    // Five reads, one injected failure: six round trips, not the 5 x 3 of twilio-java's own retry.
    assertThat(calls()).hasSize(6);
  }

  @Test
  void noMoreThanMaxConcurrencyRequestsAreInFlightAtOnce() throws Exception {
    kit.sandbox()
        .faults()
        .add(
            new Faults.Rule(
                "GET /conversations/v1/Conversations/.*", Faults.Kind.LATENCY, 0, 150, 1, 100, 0));
    TwilioGateway g = gateway(2, 1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(
            pool.submit(
                () -> {
                  try {
                    fetch(g).run();
                  } catch (TwilioCallException expected404) {
                    // The conversation does not exist; only the timing matters here.
                  }
                }));
      }
      for (Future<?> f : all) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(g.stats().peakInFlight()).isEqualTo(2);
    assertThat(calls()).hasSize(8);
    // Seen from the sandbox too: at no instant were more than two requests in their injected 150 ms
    // delay. Only that delay counts: the log's end is taken after the response went out, when the
    // client may already have released its permit and sent the next request.
    List<CallLog.Call> log = calls();
    for (CallLog.Call c : log) {
      long start = started(c);
      long overlapping =
          log.stream()
              .filter(o -> started(o) < start + 150 - 20 && started(o) + 150 > start + 20)
              .count();
      assertThat(overlapping).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void twilioErrorsMapToOurErrorsWithTheTwilioCode() {
    SandboxAccount account = kit.sandbox().account();
    TwilioGateway forged =
        TwilioClients.emulated(
            () -> kit.url("/twilio"),
            account.accountSid(),
            "forged",
            new TwilioGatewaySettings(2, 4),
            waits::add);
    assertThatThrownBy(fetch(forged)::run)
        .isInstanceOfSatisfying(
            TwilioCallException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.toError().error().code()).isEqualTo("twilio_auth_failed");
              assertThat(e.toError().error().twilioCode()).isEqualTo(20003);
            });
    fault("GET /conversations/v1/Conversations/.*", 429, 10, 60);
    assertThatThrownBy(fetch(gateway(2, 4))::run)
        .isInstanceOfSatisfying(
            TwilioCallException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.twilioCode()).isEqualTo(20429);
            });
    // A Retry-After beyond the 30 s the gateway will wait is not waited for: the caller hears now.
    assertThat(waits).isEmpty();
  }

  private static long started(CallLog.Call call) {
    return call.at().toEpochMilli() - call.durationMs();
  }
}
