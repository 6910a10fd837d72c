package dev.flexkit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customer inactivity, server-side: one warning however many tabs are open (or none), then wrap-up.
 */
class InactivityIT {
  private static final String WARNING = "Are you still with us? This chat closes soon.";
  private static final LocatorAssertions.HasAttributeOptions SLOW =
      new LocatorAssertions.HasAttributeOptions().setTimeout(15_000);
  private static ServiceProcess service;
  private static HeadlessChromium chromium;
  private static JsonNode agent;
  private static String ourNumber;

  @BeforeAll
  static void start() throws Exception {
    chromium = HeadlessChromium.launch();
    service = ServiceProcess.start("inactivity", Map.of());
    JsonNode info = service.getJson("/sandbox/api/info");
    agent = info.path("workers").get(0);
    service.makeOnlyAvailable(info, agent.path("sid").asText());
    ourNumber = info.at("/numbers/sms/0").asText();
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (info.path("accountSid").asText() + ":" + info.path("authToken").asText())
                    .getBytes(StandardCharsets.UTF_8));
    String config =
        new ObjectMapper()
            .writeValueAsString(
                Map.of(
                    "ui_attributes",
                    Map.of(
                        "customerInactivity",
                        Map.of("timer_sec", 120, "warning_sec", 30, "warning_message", WARNING))));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(service.url("/twilio/flex-api/v1/Configuration"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(config))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    // The service re-reads the Flex configuration every 30 s; /health already read it at start-up.
    advance(31);
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.closeAfterSpecCheck();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void withTwoTabsOpenTheCustomerGetsOneWarningAndTheTaskWrapsUpWithANotification()
      throws Exception {
    String customer = "+15551240001";
    try (BrowserContext context = chromium.newContext()) {
      Page first = open(context);
      Page second = open(context);

      service.postJson(
          "/sandbox/api/customers/messages",
          Map.of("from", customer, "to", ourNumber, "body", "Hello?"));
      Locator firstTask = taskOf(first, customer);
      assertThat(firstTask).hasCount(1);
      firstTask.click();
      first.getByTestId("accept-task").click();

      Locator firstBadge = firstTask.getByTestId("fmk-inactivity");
      Locator secondBadge = taskOf(second, customer).getByTestId("fmk-inactivity");
      assertThat(firstBadge).hasAttribute("data-phase", "counting", SLOW);
      assertThat(secondBadge).hasAttribute("data-phase", "counting", SLOW);
      assertThat(first.getByTestId("fmk-inactivity-snooze")).isVisible();
      Axe.assertNoSeriousViolations(first, "a task with its countdown");

      advance(91);
      assertThat(firstBadge).hasAttribute("data-phase", "warning", SLOW);
      assertThat(secondBadge).hasAttribute("data-phase", "warning", SLOW);
      assertThat(warningsTo(customer)).isEqualTo(1);

      advance(30);
      assertThat(first.locator("[data-notification-id=FMKInactivityWrappedUp]").first())
          .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
      assertThat(firstTask)
          .hasClass(
              java.util.regex.Pattern.compile("status-wrapping"),
              new LocatorAssertions.HasClassOptions().setTimeout(15_000));
      Screenshots.save(first, "inactivity-wrapped-up");
      assertThat(warningsTo(customer)).isEqualTo(1);
      firstTask.click();
      first.getByTestId("complete-task").click();
      assertThat(taskOf(first, customer)).hasCount(0);
    }
  }

  @Test
  void withNoBrowserOpenTheCustomerStillGetsOneWarningAndTheTaskWrapsUp() throws Exception {
    String customer = "+15551240002";
    service.postJson(
        "/sandbox/api/customers/messages",
        Map.of("from", customer, "to", ourNumber, "body", "Anyone there?"));
    String reservation = awaitPendingReservation();
    service.postJson("/sandbox/api/reservations/" + reservation + "/accept", Map.of());
    awaitCountdowns(1);

    advance(91);
    assertThat(warningsTo(customer)).isEqualTo(1);
    advance(30);
    assertThat(reservationStatus(reservation)).isEqualTo("wrapping");
    assertThat(warningsTo(customer)).isEqualTo(1);
  }

  @Test
  void theAgentPausesTheCountdownAndResumesIt() throws Exception {
    String customer = "+15551240003";
    try (BrowserContext context = chromium.newContext()) {
      Page page = open(context);
      service.postJson(
          "/sandbox/api/customers/messages",
          Map.of("from", customer, "to", ourNumber, "body", "One moment"));
      Locator task = taskOf(page, customer);
      assertThat(task).hasCount(1);
      task.click();
      page.getByTestId("accept-task").click();
      Locator header =
          page.getByTestId("fmk-inactivity")
              .filter(new Locator.FilterOptions().setHas(page.getByTestId("fmk-inactivity-pause")));
      assertThat(header).hasAttribute("data-phase", "counting", SLOW);

      header.getByTestId("fmk-inactivity-pause").click();
      Locator paused =
          page.getByTestId("fmk-inactivity")
              .filter(
                  new Locator.FilterOptions().setHas(page.getByTestId("fmk-inactivity-resume")));
      assertThat(paused).hasAttribute("data-phase", "paused", SLOW);
      advance(300);
      assertThat(warningsTo(customer)).isZero();
      assertThat(taskOf(page, customer).getByTestId("fmk-inactivity"))
          .hasAttribute("data-phase", "paused", SLOW);

      paused.getByTestId("fmk-inactivity-resume").click();
      assertThat(header).hasAttribute("data-phase", "counting", SLOW);
      advance(91);
      assertThat(warningsTo(customer)).isEqualTo(1);
    }
  }

  /** The reservation.accepted webhook arrives asynchronously; the countdown starts when it does. */
  private static void awaitCountdowns(int count) throws Exception {
    String token =
        service
            .postJson("/sandbox/api/tokens", Map.of("identity", agent.path("identity").asText()))
            .path("token")
            .asText();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(service.url("/api/inactivity"))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200
          && new ObjectMapper().readTree(r.body()).path("timers").size() >= count) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the countdown never started");
  }

  private static Page open(BrowserContext context) {
    Page page = context.newPage();
    page.navigate(service.url("/sandbox/?identity=" + agent.path("identity").asText()).toString());
    assertThat(page.getByTestId("agent-desktop"))
        .hasAttribute("data-plugins-loaded", "plugin-flex-messaging-kit");
    return page;
  }

  private static Locator taskOf(Page page, String customer) {
    return page.getByTestId("task-list-item")
        .filter(new Locator.FilterOptions().setHasText(customer));
  }

  private static void advance(int seconds) throws Exception {
    service.postJson("/sandbox/api/clock/advance", Map.of("seconds", seconds));
  }

  private static long warningsTo(String customer) throws Exception {
    long n = 0;
    for (JsonNode m :
        service
            .getJson(
                "/sandbox/api/customers/"
                    + URLEncoder.encode(customer, StandardCharsets.UTF_8)
                    + "/messages")
            .path("messages")) {
      n += m.path("body").asText().equals(WARNING) ? 1 : 0;
    }
    return n;
  }

  private static String awaitPendingReservation() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode r : worker().path("reservations")) {
        if (r.path("status").asText().equals("pending")) {
          return r.path("sid").asText();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no reservation reached the agent");
  }

  private static String reservationStatus(String sid) throws Exception {
    for (JsonNode r : worker().path("reservations")) {
      if (r.path("sid").asText().equals(sid)) {
        return r.path("status").asText();
      }
    }
    return "gone";
  }

  private static JsonNode worker() throws Exception {
    for (JsonNode w : service.getJson("/sandbox/api/workers").path("workers")) {
      if (w.path("sid").asText().equals(agent.path("sid").asText())) {
        return w;
      }
    }
    throw new AssertionError("agent missing");
  }
}
