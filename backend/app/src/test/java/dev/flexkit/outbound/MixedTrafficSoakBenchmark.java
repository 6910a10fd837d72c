package dev.flexkit.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.traffic.CallLog;
import dev.flexkit.sandbox.traffic.Faults;
import dev.flexkit.sandbox.webhooks.WebhookDispatcher;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/benchmarks.md, not a test (the class name keeps it out of {@code mvn test}): a
 * soak of mixed traffic with a fault at every Twilio step. Each cycle an agent sends a
 * wait-for-reply text that the customer answers (their reply becomes a task through the webhook
 * inbox), an agent opens a chat, and the sandbox clock moves so inactivity countdowns warn and
 * close. Before each cycle one fault (500 or 429, in turn) is armed on the next Twilio step, the
 * steps being every method and path a clean cycle called. An agent whose send failed sends again,
 * as the plugin lets them. At the end: every webhook Twilio got a 2xx for was processed (none
 * lost), no customer got one message twice, and every reply became a task.
 *
 * <p>{@code -Dsoak.seconds=600} (default 60).
 */
class MixedTrafficSoakBenchmark {
  private static final int SECONDS = Integer.getInteger("soak.seconds", 60);
  private static final String WARNING = "Are you still there?";
  private static final Pattern SID = Pattern.compile("[A-Z]{2}[0-9a-f]{32}");
  private static final Pattern PROCESSED = Pattern.compile("(\\d+) processed here");

  private RunningKit kit;
  private OutboundFixture f;
  private String alice;
  private String bob;
  private String sms;
  private int customers;
  private long lastDelivery;
  private long accepted;
  private int sendsRetried;
  private int unreplied;

  @Test
  void soak() throws Exception {
    kit = RunningKit.start();
    try {
      f = new OutboundFixture(kit);
      kit.sandbox()
          .flexConfiguration()
          .update(
              OutboundFixture.JSON.readTree(
                  """
                  {"ui_attributes": {"customerInactivity":
                    {"timer_sec": 120, "warning_sec": 30, "warning_message": "%s"}}}"""
                      .formatted(WARNING)));
      sms = kit.sandbox().numbers().sms().get(0);

      List<String> everyone = new ArrayList<>();
      int before = kit.sandbox().calls().all().size();
      cycle(everyone);
      List<String> steps =
          steps(kit.sandbox().calls().all().subList(before, kit.sandbox().calls().all().size()));

      long until = System.nanoTime() + SECONDS * 1_000_000_000L;
      int cycles = 1;
      while (System.nanoTime() < until) {
        String step = steps.get(cycles % steps.size());
        int status = cycles % 2 == 0 ? 500 : 429;
        kit.sandbox().faults().add(new Faults.Rule(step, Faults.Kind.STATUS, status, 0, 1, 1, 0));
        cycle(everyone);
        cycles++;
      }
      kit.sandbox().faults().clear();
      kit.settle();
      countAccepted();

      long processed = processed();
      int duplicates = 0;
      for (String customer : everyone) {
        List<String> got = f.inbox(customer);
        duplicates += got.size() - new HashSet<>(got).size();
      }
      System.out.printf(
          "BENCH soak: %d s, %d cycles, %d customers, %d Twilio steps faulted %d times (%d sends"
              + " retried by the agent); webhooks accepted %d, processed %d, lost %d; duplicate"
              + " customer messages %d; replies without a task %d; %s%n",
          SECONDS,
          cycles,
          everyone.size(),
          steps.size(),
          cycles - 1, // one fault before every cycle after the clean first one
          sendsRetried,
          accepted,
          processed,
          accepted - processed,
          duplicates,
          unreplied,
          health());
      assertThat(processed).as("webhooks processed").isGreaterThanOrEqualTo(accepted);
      assertThat(duplicates).as("duplicate customer messages").isZero();
      assertThat(unreplied).as("replies that made no task").isZero();
    } finally {
      kit.close();
    }
  }

  private void cycle(List<String> everyone) throws Exception {
    // Fresh tokens: the cycles move the sandbox clock past a token's lifetime.
    alice = f.token("alice_40example_2Ecom");
    bob = f.token("bob_40example_2Ecom");
    String waiting = customer(everyone);
    sendUntilAccepted(alice, waitForReply(waiting, "Your order " + waiting + " shipped"));
    f.customerWrites(waiting, sms, "Thanks " + waiting);
    if (!replied(waiting)) {
      unreplied++;
    }

    String chat = customer(everyone);
    sendUntilAccepted(bob, openChat(chat, "Hello " + chat + " from Bob"));
    f.customerWrites(chat, sms, "Hi Bob, " + chat + " here");

    HttpResponse<String> r = f.post("/sandbox/api/clock/advance", "{\"seconds\":100}", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    kit.settle();
    countAccepted();
  }

  private void sendUntilAccepted(String token, String json) {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> r = f.send(token, json);
      if (r.statusCode() == 201) {
        return;
      }
      assertThat(attempt).as("send still refused after the fault: " + r.body()).isLessThan(3);
      sendsRetried++;
    }
  }

  private boolean replied(String customer) throws Exception {
    for (JsonNode s : OutboundFixture.json(f.get("/api/outbound/sent", alice)).path("sent")) {
      if (s.path("customerAddress").asText().equals(customer)) {
        return s.path("status").asText().equals("REPLIED");
      }
    }
    return false;
  }

  /** The webhooks the kit answered 2xx since the last look (the delivery log keeps 1,000). */
  private void countAccepted() {
    for (WebhookDispatcher.Delivery d : kit.sandbox().webhooks().deliveries()) {
      if (d.id() > lastDelivery) {
        lastDelivery = d.id();
        if (d.url().contains("/webhooks/") && d.status() >= 200 && d.status() < 300) {
          accepted++;
        }
      }
    }
  }

  /** Every distinct method and path (SIDs generalised) a clean cycle called. */
  private static List<String> steps(List<CallLog.Call> calls) {
    Set<String> steps = new LinkedHashSet<>();
    for (CallLog.Call c : calls) {
      Matcher m = SID.matcher(c.path());
      steps.add(c.method() + " " + m.replaceAll(r -> r.group().substring(0, 2) + "[0-9a-f]{32}"));
    }
    return new ArrayList<>(steps);
  }

  private long processed() {
    Matcher m = PROCESSED.matcher(health());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private String health() {
    return kit.get("/health").body();
  }

  private String customer(List<String> everyone) {
    int n = ++customers;
    String c = String.format("+1628%03d%04d", 200 + n / 10_000, n % 10_000);
    everyone.add(c);
    return c;
  }

  private static String openChat(String to, String body) {
    return "{\"to\":\"" + to + "\",\"body\":\"" + body + "\",\"mode\":\"open-chat\"}";
  }

  private static String waitForReply(String to, String body) {
    return "{\"to\":\""
        + to
        + "\",\"body\":\""
        + body
        + "\",\"mode\":\"wait-for-reply\",\"routeTo\":\"any\"}";
  }
}
