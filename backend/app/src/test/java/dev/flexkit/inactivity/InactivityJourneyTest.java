package dev.flexkit.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.RunningKit;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole countdown against the sandbox: a real webhook in, a real message out, a real wrap-up.
 */
class InactivityJourneyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CUSTOMERS = new AtomicInteger(100);
  private static final String WARNING = "Still there? We'll close this soon.";

  private RunningKit kit;
  private String token;
  private String aliceSid;

  @BeforeEach
  void start() throws Exception {
    kit = RunningKit.start();
    kit.sandbox()
        .flexConfiguration()
        .update(
            JSON.readTree(
                """
        {"ui_attributes": {"customerInactivity": {"timer_sec": 120, "warning_sec": 30, "warning_message": "%s",
          "channels": {"whatsapp": {"timer_sec": 90000, "warning_sec": 1800}}}}}"""
                    .formatted(WARNING)));
    JsonNode issued =
        JSON.readTree(
            post("/sandbox/api/tokens", "{\"identity\":\"alice_40example_2Ecom\"}").body());
    token = issued.get("token").asText();
    aliceSid = issued.get("workerSid").asText();
    // Only alice is available, so she gets every task.
    for (JsonNode w : JSON.readTree(kit.get("/sandbox/api/info").body()).get("workers")) {
      if (!w.get("sid").asText().equals(aliceSid)) {
        post(
            "/sandbox/api/workers/" + w.get("sid").asText() + "/activity",
            "{\"activity\":\"Offline\"}");
      }
    }
  }

  @AfterEach
  void stop() throws Exception {
    kit.close();
  }

  @Test
  void customerGetsExactlyOneWarningThenTheTaskWrapsUpAtZero() throws Exception {
    String customer = nextCustomer();
    JsonNode timer = customerWritesAndAliceAccepts(customer, kit.sandbox().numbers().sms().get(0));
    assertThat(timer.get("state").asText()).isEqualTo("active");

    advance(89);
    assertThat(warningsTo(customer)).isZero();
    advance(2);
    assertThat(warningsTo(customer)).isEqualTo(1);
    assertThat(countdown(timer).get("state").asText()).isEqualTo("warned");
    advance(10);
    assertThat(warningsTo(customer)).isEqualTo(1);

    advance(20);
    settle();
    assertThat(kit.sandbox().taskRouter().taskStatus(timer.get("taskSid").asText()))
        .contains("wrapping");
    assertThat(countdown(timer).get("state").asText()).isEqualTo("expired");
    assertThat(warningsTo(customer)).isEqualTo(1);
    assertThat(kit.sandbox().calls().all())
        .noneMatch(c -> c.path().contains("/Tasks/") && c.method().equals("POST"));
  }

  @Test
  void aCustomerReplyRestartsTheCountdown() throws Exception {
    String customer = nextCustomer();
    String ours = kit.sandbox().numbers().sms().get(0);
    JsonNode timer = customerWritesAndAliceAccepts(customer, ours);
    String firstDeadline = timer.get("deadline").asText();

    advance(80);
    customerWrites(customer, ours, "still here");
    JsonNode after = countdown(timer);
    assertThat(after.get("deadline").asText()).isGreaterThan(firstDeadline);
    advance(40);
    assertThat(warningsTo(customer)).isZero();
    assertThat(kit.sandbox().taskRouter().taskStatus(timer.get("taskSid").asText()))
        .contains("assigned");
  }

  @Test
  void closingTheConversationStopsTheCountdown() throws Exception {
    String customer = nextCustomer();
    JsonNode timer = customerWritesAndAliceAccepts(customer, kit.sandbox().numbers().sms().get(0));
    twilioPost(
        "/conversations/v1/Conversations/" + timer.get("conversationSid").asText(),
        "State=closed",
        200);
    settle();
    assertThat(countdown(timer).get("state").asText()).isEqualTo("stopped");
    advance(200);
    assertThat(warningsTo(customer)).isZero();
  }

  @Test
  void agentMessagesDoNotRestartTheCountdownByDefault() throws Exception {
    String customer = nextCustomer();
    JsonNode timer = customerWritesAndAliceAccepts(customer, kit.sandbox().numbers().sms().get(0));
    String conversation = timer.get("conversationSid").asText();
    twilioPost(
        "/conversations/v1/Conversations/" + conversation + "/Messages",
        "Author=alice%40example.com&Body=hello");
    settle();
    assertThat(countdown(timer).get("deadline").asText()).isEqualTo(timer.get("deadline").asText());
  }

  @Test
  void whatsappWithTheWindowClosedWrapsUpWithoutAWarning() throws Exception {
    String customer = "whatsapp:" + nextCustomer();
    JsonNode timer =
        customerWritesAndAliceAccepts(customer, kit.sandbox().numbers().whatsapp().get(0));
    advance(89_000);
    assertThat(countdown(timer).get("state").asText()).isEqualTo("warned");
    assertThat(warningsTo(customer)).isZero();
    advance(1_001);
    settle();
    assertThat(kit.sandbox().taskRouter().taskStatus(timer.get("taskSid").asText()))
        .contains("wrapping");
    assertThat(kit.sandbox().calls().all())
        .noneMatch(c -> c.path().endsWith("/Messages") && c.method().equals("POST"));
  }

  @Test
  void whatsappInsideTheWindowGetsTheWarningFromTheNumberTheCustomerWroteTo() throws Exception {
    kit.sandbox()
        .flexConfiguration()
        .update(
            JSON.readTree(
                """
        {"ui_attributes": {"customerInactivity": {"timer_sec": 120, "warning_sec": 30, "warning_message": "%s"}}}"""
                    .formatted(WARNING)));
    advance(31); // the service re-reads the Flex configuration every 30 s
    String customer = "whatsapp:" + nextCustomer();
    JsonNode timer =
        customerWritesAndAliceAccepts(customer, kit.sandbox().numbers().whatsapp().get(0));
    advance(91);
    assertThat(warningsTo(customer)).isEqualTo(1);
    assertThat(countdown(timer).get("state").asText()).isEqualTo("warned");
  }

  @Test
  void aCustomerMessageStartsTheCountdownOnATaskWhoseAcceptanceWasMissed() throws Exception {
    String workspace = kit.sandbox().taskRouter().workspaceSid();
    String callback = kit.kit().publicBaseUrl() + "/webhooks/taskrouter";
    twilioPost(
        "/taskrouter/v1/Workspaces/" + workspace,
        "EventCallbackUrl=" + enc("http://127.0.0.1:9/nowhere"),
        200);
    String customer = nextCustomer();
    String ours = kit.sandbox().numbers().sms().get(0);
    customerWrites(customer, ours, "hi");
    String reservation = awaitPendingReservation();
    assertThat(post("/sandbox/api/reservations/" + reservation + "/accept", "").statusCode())
        .isEqualTo(200);
    settle();
    twilioPost("/taskrouter/v1/Workspaces/" + workspace, "EventCallbackUrl=" + enc(callback), 200);
    assertThat(activeCountdowns()).isEmpty();

    advance(
        61); // the first message already looked for a task (none was assigned yet): once a minute
    // at most
    customerWrites(customer, ours, "hello?");
    List<JsonNode> active = activeCountdowns();
    assertThat(active).hasSize(1);
    assertThat(kit.sandbox().taskRouter().taskStatus(active.get(0).get("taskSid").asText()))
        .contains("assigned");
    advance(91);
    assertThat(warningsTo(customer)).isEqualTo(1);
  }

  @Test
  void snoozeExtendsTheDeadlineAndRejectsBadInput() throws Exception {
    JsonNode timer =
        customerWritesAndAliceAccepts(nextCustomer(), kit.sandbox().numbers().sms().get(0));
    String sid = timer.get("conversationSid").asText();
    HttpResponse<String> bad = agentPost("/api/inactivity/" + sid + "/snooze", "{\"minutes\": 0}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).at("/error/field").asText()).isEqualTo("minutes");
    assertThat(countdown(timer).get("deadline")).isEqualTo(timer.get("deadline"));

    HttpResponse<String> ok = agentPost("/api/inactivity/" + sid + "/snooze", "{\"minutes\": 5}");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(java.time.Instant.parse(JSON.readTree(ok.body()).get("deadline").asText()))
        .isEqualTo(java.time.Instant.parse(timer.get("deadline").asText()).plusSeconds(300));

    HttpResponse<String> paused =
        agentPost("/api/inactivity/" + sid + "/snooze", "{\"pause\": true}");
    assertThat(JSON.readTree(paused.body()).get("state").asText()).isEqualTo("paused");
    advance(3_600);
    assertThat(countdown(timer).get("state").asText()).isEqualTo("paused");

    HttpResponse<String> resumed =
        agentPost("/api/inactivity/" + sid + "/snooze", "{\"resume\": true}");
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    JsonNode running = JSON.readTree(resumed.body());
    assertThat(running.get("state").asText()).isEqualTo("active");
    assertThat(
            Duration.between(
                    java.time.Instant.parse(running.get("serverTime").asText()),
                    java.time.Instant.parse(running.get("deadline").asText()))
                .toSeconds())
        .isBetween(119L, 120L);
    assertThat(agentPost("/api/inactivity/" + sid + "/snooze", "{\"resume\": true}").statusCode())
        .isEqualTo(409);
    HttpResponse<String> both =
        agentPost("/api/inactivity/" + sid + "/snooze", "{\"pause\": true, \"minutes\": 5}");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(countdown(timer).get("state").asText()).isEqualTo("active");
  }

  @Test
  void theBatchFormListsOnlyTheCallingAgentsCountdowns() throws Exception {
    customerWritesAndAliceAccepts(nextCustomer(), kit.sandbox().numbers().sms().get(0));
    JsonNode mine =
        JSON.readTree(kit.get("/api/inactivity", "Authorization", "Bearer " + token).body());
    assertThat(mine.get("timers")).hasSize(1);
    assertThat(mine.get("serverTime").asText()).isNotBlank();
    String bobToken =
        JSON.readTree(post("/sandbox/api/tokens", "{\"identity\":\"bob_40example_2Ecom\"}").body())
            .get("token")
            .asText();
    assertThat(
            JSON.readTree(kit.get("/api/inactivity", "Authorization", "Bearer " + bobToken).body())
                .get("timers"))
        .isEmpty();
    HttpResponse<String> other =
        kit.get(
            "/api/inactivity?conversationSid=" + mine.at("/timers/0/conversationSid").asText(),
            "Authorization",
            "Bearer " + bobToken);
    assertThat(other.statusCode()).isEqualTo(404);
  }

  @Test
  void invalidConfigurationFallsBackToDefaultsAndShowsInHealth() throws Exception {
    kit.sandbox()
        .flexConfiguration()
        .update(
            JSON.readTree(
                """
        {"ui_attributes": {"customerInactivity": {"timer_sec": 30, "warning_sec": 60}}}"""));
    JsonNode timer =
        customerWritesAndAliceAccepts(nextCustomer(), kit.sandbox().numbers().sms().get(0));
    long seconds =
        Duration.between(
                java.time.Instant.parse(timer.get("serverTime").asText()),
                java.time.Instant.parse(timer.get("deadline").asText()))
            .toSeconds();
    assertThat(seconds).isBetween(295L, 300L);
    JsonNode health = JSON.readTree(kit.get("/health").body());
    assertThat(health.at("/checks/inactivityConfig/detail").asText())
        .contains("warning_sec must be less than timer_sec");
  }

  @Test
  void aWarningTwilioFailedToTakeIsRetriedAndArrivesOnce() throws Exception {
    String customer = nextCustomer();
    customerWritesAndAliceAccepts(customer, kit.sandbox().numbers().sms().get(0));
    fail("POST .*/Conversations/.+/Messages");
    advance(91);
    assertThat(warningsTo(customer)).isZero();

    kit.sandbox().faults().clear();
    advance(30);
    assertThat(warningsTo(customer)).isEqualTo(1);
    advance(5);
    assertThat(warningsTo(customer)).isEqualTo(1);
  }

  @Test
  void aWrapUpFailingAtEitherStepIsRetriedUntilTheTaskWraps() throws Exception {
    for (String step :
        List.of(
            "GET .*/Interactions/.+/Channels/.+/Participants",
            "POST .*/Interactions/.+/Channels/.+/Participants/.+")) {
      JsonNode timer =
          customerWritesAndAliceAccepts(nextCustomer(), kit.sandbox().numbers().sms().get(0));
      fail(step);
      advance(121);
      assertThat(kit.sandbox().taskRouter().taskStatus(timer.get("taskSid").asText()))
          .as(step)
          .contains("assigned");

      kit.sandbox().faults().clear();
      advance(30);
      assertThat(kit.sandbox().taskRouter().taskStatus(timer.get("taskSid").asText()))
          .as(step)
          .contains("wrapping");
      post("/sandbox/api/workers/" + aliceSid + "/activity", "{\"activity\":\"Available\"}");
    }
  }

  // ---- helpers ----

  private void fail(String match) {
    kit.sandbox()
        .faults()
        .add(
            new dev.flexkit.sandbox.traffic.Faults.Rule(
                match, dev.flexkit.sandbox.traffic.Faults.Kind.STATUS, 503, 0, 1, 1_000, 0));
  }

  private JsonNode customerWritesAndAliceAccepts(String customer, String ours) throws Exception {
    customerWrites(customer, ours, "hi");
    String reservation = awaitPendingReservation();
    assertThat(post("/sandbox/api/reservations/" + reservation + "/accept", "").statusCode())
        .isEqualTo(200);
    settle();
    List<JsonNode> active = activeCountdowns();
    assertThat(active).isNotEmpty();
    return active.get(active.size() - 1);
  }

  private String awaitPendingReservation() throws Exception {
    for (int i = 0; i < 50; i++) {
      for (JsonNode w : JSON.readTree(kit.get("/sandbox/api/workers").body()).get("workers")) {
        for (JsonNode r : w.path("reservations")) {
          if (w.get("sid").asText().equals(aliceSid)
              && r.get("status").asText().equals("pending")) {
            return r.get("sid").asText();
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no reservation reached alice");
  }

  private List<JsonNode> activeCountdowns() throws Exception {
    token =
        JSON.readTree(
                post("/sandbox/api/tokens", "{\"identity\":\"alice_40example_2Ecom\"}").body())
            .get("token")
            .asText();
    JsonNode mine =
        JSON.readTree(kit.get("/api/inactivity", "Authorization", "Bearer " + token).body());
    List<JsonNode> active = new java.util.ArrayList<>();
    mine.get("timers")
        .forEach(
            t -> {
              if (t.get("state").asText().equals("active")) {
                active.add(t);
              }
            });
    return active;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private void customerWrites(String customer, String ours, String body) {
    HttpResponse<String> r =
        post(
            "/sandbox/api/customers/messages",
            "{\"from\":\"" + customer + "\",\"to\":\"" + ours + "\",\"body\":\"" + body + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    settle();
  }

  private JsonNode countdown(JsonNode timer) throws Exception {
    // Long clock jumps outlive a token, as they would a real agent's session.
    token =
        JSON.readTree(
                post("/sandbox/api/tokens", "{\"identity\":\"alice_40example_2Ecom\"}").body())
            .get("token")
            .asText();
    HttpResponse<String> r =
        kit.get(
            "/api/inactivity?conversationSid=" + timer.get("conversationSid").asText(),
            "Authorization",
            "Bearer " + token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private long warningsTo(String customer) throws Exception {
    JsonNode inbox =
        JSON.readTree(
            kit.get(
                    "/sandbox/api/customers/"
                        + java.net.URLEncoder.encode(
                            customer, java.nio.charset.StandardCharsets.UTF_8)
                        + "/messages")
                .body());
    long n = 0;
    for (JsonNode m : inbox.get("messages")) {
      n += m.get("body").asText().equals(WARNING) ? 1 : 0;
    }
    return n;
  }

  private void advance(long seconds) {
    HttpResponse<String> r = post("/sandbox/api/clock/advance", "{\"seconds\":" + seconds + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    settle();
  }

  private void settle() {
    kit.settle();
  }

  private String nextCustomer() {
    return "+1555888" + String.format("%04d", CUSTOMERS.incrementAndGet());
  }

  private HttpResponse<String> post(String path, String json) {
    return kit.send(
        HttpRequest.newBuilder(kit.url(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> agentPost(String path, String json) {
    return kit.send(
        HttpRequest.newBuilder(kit.url(path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private void twilioPost(String path, String form) {
    twilioPost(path, form, 201);
  }

  private void twilioPost(String path, String form, int expected) {
    var account = kit.sandbox().account();
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString((account.accountSid() + ":" + account.authToken()).getBytes());
    HttpResponse<String> r =
        kit.send(
            HttpRequest.newBuilder(kit.url("/twilio" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .header("X-Twilio-Webhook-Enabled", "true")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
  }
}
