package dev.flexkit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent starts conversations from the header panel: open chat, wait for the reply, WhatsApp
 * templates.
 */
class OutboundIT {
  private static ServiceProcess service;
  private static HeadlessChromium chromium;
  private static String agent;
  private static String agentSid;
  private static String smsNumber;
  private static int customers;

  private BrowserContext context;
  private Page page;

  @BeforeAll
  static void start() throws Exception {
    chromium = HeadlessChromium.launch();
    service = ServiceProcess.start("outbound", Map.of());
    JsonNode info = service.getJson("/sandbox/api/info");
    agent = info.path("workers").get(0).path("identity").asText();
    agentSid = info.path("workers").get(0).path("sid").asText();
    smsNumber = info.at("/numbers/sms/0").asText();
    // Another agent stays available, so a reply reaching ours proves the routing, not luck.
    for (JsonNode worker : info.path("workers")) {
      service.postJson(
          "/sandbox/api/workers/" + worker.path("sid").asText() + "/activity",
          Map.of("activity", "Available"));
    }
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

  @BeforeEach
  void signIn() {
    context = chromium.newContext();
    page = context.newPage();
    page.navigate(service.url("/sandbox/?identity=" + agent).toString());
    assertThat(page.getByTestId("agent-desktop"))
        .hasAttribute("data-plugins-loaded", Pattern.compile("plugin-flex-messaging-kit"));
  }

  /**
   * Each journey leaves the agent with free capacity: its tasks are completed as an agent would.
   */
  @AfterEach
  void completeTasksAndCloseBrowser() {
    try {
      Locator items = page.getByTestId("task-list-item");
      for (int left = items.count(); left > 0; left = items.count()) {
        items.first().click();
        if (page.getByTestId("accept-task").isVisible()) {
          page.getByTestId("accept-task").click();
        }
        page.getByTestId("wrapup-task").click();
        page.getByTestId("complete-task").click();
        assertThat(items).hasCount(left - 1);
      }
    } finally {
      context.close();
    }
  }

  @Test
  void openChatSmsIsAutoAcceptedAndReachesTheCustomer() throws Exception {
    String customer = newCustomer();
    openPanel();
    field("Customer number").fill(customer);
    // Formatted as typed: the numbering plans came from the backend, not from the bundle.
    assertThat(field("Customer number")).hasValue(Pattern.compile("^\\+1 \\d{3} \\d{3} \\d{4}$"));
    field("Message").fill("Your order shipped today.");
    Locator openChat =
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send & open chat"));
    assertThat(openChat).isEnabled();
    Screenshots.save(page, "outbound-panel");
    Axe.assertNoSeriousViolations(page, "the outbound panel");

    openChat.click();

    assertThat(page.locator("[data-notification-id=FMKOutboundSent]")).isVisible();
    Locator task = taskOf(customer);
    assertThat(task).hasCount(1);
    assertThat(task).hasClass(Pattern.compile("status-assigned"));
    assertThat(task).hasAttribute("aria-pressed", "true");
    assertThat(inbox(customer, 1)).containsExactly("Your order shipped today.");
  }

  @Test
  void inFlexsDarkThemeThePanelIsDarkToo() {
    page.navigate(service.url("/sandbox/?theme=dark&identity=" + agent).toString());
    assertThat(page.getByTestId("agent-desktop"))
        .hasAttribute("data-plugins-loaded", Pattern.compile("plugin-flex-messaging-kit"));
    openPanel();
    // Flex hands the plugin's CustomizationProvider baseTheme 'dark'; the panel uses Paste's body
    // colour.
    Object background =
        page.getByTestId("fmk-outbound-panel")
            .evaluate("panel => getComputedStyle(panel).backgroundColor");
    assertThat(background).isNotEqualTo("rgb(255, 255, 255)");
    Screenshots.save(page, "outbound-panel-dark");
    Axe.assertNoSeriousViolations(page, "the outbound panel in the dark theme");
    page.getByTestId("fmk-outbound-close").click();
    assertThat(page.getByTestId("fmk-outbound-panel")).isHidden();
  }

  @Test
  void sendAndReplyToMeRoutesTheCustomersReplyToTheSameAgent() throws Exception {
    String customer = newCustomer();
    openPanel();
    field("Customer number").fill(customer);
    field("Message").fill("Can we call you tomorrow?");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send, reply to me"))
        .click();

    assertThat(inbox(customer, 1)).containsExactly("Can we call you tomorrow?");
    assertThat(taskOf(customer)).hasCount(0);

    service.postJson(
        "/sandbox/api/customers/messages",
        Map.of("from", customer, "to", smsNumber, "body", "Yes, after 10"));

    // The desktop lists only this worker's reservations, so the task showing here is the routing.
    assertThat(taskOf(customer)).hasCount(1);
  }

  @Test
  void aDoubleClickSendsExactlyOneMessage() throws Exception {
    String customer = newCustomer();
    openPanel();
    field("Customer number").fill(customer);
    field("Message").fill("Only once, please.");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send & open chat"))
        .dblclick();

    assertThat(taskOf(customer)).hasCount(1);
    assertThat(inbox(customer, 1)).containsExactly("Only once, please.");
    Thread.sleep(1500); // a duplicate would have arrived by now: the send already completed
    assertThat(inbox(customer, 1)).hasSize(1);
  }

  @Test
  void whatsappOutsideTheWindowOffersOnlyTemplatesAndSendsTheRenderedOne() throws Exception {
    String customer = newCustomer();
    openPanel();
    page.getByTestId("fmk-outbound-panel")
        .locator("label")
        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^WhatsApp$")))
        .click();
    field("Customer number").fill(customer);

    assertThat(page.getByTestId("fmk-outbound-window")).hasText(Pattern.compile("closed"));
    assertThat(field("Message")).isDisabled();
    field("WhatsApp template").selectOption(new SelectOption().setLabel("order_update"));
    field("Variable 1").fill("Dana");
    field("Variable 2").fill("#77");
    assertThat(page.getByTestId("fmk-outbound-preview")).containsText("Dana");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send, reply to me"))
        .click();

    String received = inbox("whatsapp:" + customer, 1).get(0);
    assertThat(received).contains("Dana").contains("#77").doesNotContain("{{");
  }

  @Test
  void anExistingConversationOpensTheConflictDialogNamingItsOwnerAndCanBeReused() throws Exception {
    String customer = newCustomer();
    openPanel();
    field("Customer number").fill(customer);
    field("Message").fill("First note");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send, reply to me"))
        .click();
    inbox(customer, 1);

    openPanel();
    field("Customer number").fill(customer);
    field("Message").fill("Second note");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send & open chat"))
        .click();

    Locator dialog = page.getByRole(AriaRole.DIALOG);
    assertThat(dialog).containsText(agent + " already has an active conversation");
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reuse it")).click();

    assertThat(taskOf(customer)).hasCount(1);
    assertThat(inbox(customer, 2)).containsExactly("First note", "Second note");
  }

  @Test
  void sendAndReplyToAnyoneGoesToAnotherAgentWhenTheSenderIsAway() throws Exception {
    String customer = newCustomer();
    openPanel();
    field("Customer number").fill(customer);
    field("Message").fill("Your repair is ready for pick-up.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send, reply to anyone"))
        .click();
    inbox(customer, 1);

    openSentList();
    Locator row = sentRow(customer);
    assertThat(row).containsText("Waiting for reply");
    assertThat(row).containsText("Reply goes to any agent");

    // The sender steps away; with "reply to me" the reply would now wait for them, with "anyone" it
    // must not.
    page.getByTestId("agent-activity").selectOption("Offline");
    awaitActivity(agentSid, "Offline");
    Map<String, List<String>> before = reservationsByWorker();
    try {
      service.postJson(
          "/sandbox/api/customers/messages",
          Map.of("from", customer, "to", smsNumber, "body", "Great, on my way"));

      String taker = awaitNewReservation(before);
      assertThat(taker).isNotEqualTo(agentSid);
      assertThat(newReservations(before).get(agentSid)).isNullOrEmpty();
      String reservation = newReservations(before).get(taker).get(0);
      service.postJson("/sandbox/api/reservations/" + reservation + "/accept", Map.of());

      page.getByTestId("side-nav")
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Agent desktop"))
          .click();
      openSentList();
      assertThat(sentRow(customer)).containsText("Replied");
      assertThat(
              sentRow(customer)
                  .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")))
          .hasCount(0);
    } finally {
      page.getByTestId("agent-activity").selectOption("Available");
      awaitActivity(agentSid, "Available");
      page.getByTestId("side-nav")
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Agent desktop"))
          .click();
    }
    assertThat(taskOf(customer)).hasCount(0);
  }

  @Test
  void theSentListCancelsAWaitingSendWhichClosesItsConversation() throws Exception {
    String customer = newCustomer();
    openPanel();
    field("Customer number").fill(customer);
    field("Message").fill("Shall we book your service visit?");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send, reply to me"))
        .click();
    inbox(customer, 1);

    openSentList();
    Locator row = sentRow(customer);
    assertThat(row).containsText("Waiting for reply");
    assertThat(row).containsText("SMS");
    String conversationSid = row.getAttribute("data-conversation-sid");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
    Locator dialog = page.getByRole(AriaRole.DIALOG);
    assertThat(dialog).containsText(customer);
    dialog
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel message"))
        .click();

    assertThat(page.locator("[data-notification-id=FMKOutboundSentCancelled]")).isVisible();
    assertThat(sentRow(customer)).containsText("Cancelled");
    assertThat(
            new SandboxRest(service, service.getJson("/sandbox/api/info"))
                .get("conversations", "/v1/Conversations/" + conversationSid)
                .path("state")
                .asText())
        .isEqualTo("closed");
    page.getByTestId("side-nav")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Agent desktop"))
        .click();
  }

  @Test
  void aMessageThatNeverReachedTheCustomerIsReportedToTheAgent() throws Exception {
    String customer = newCustomer();
    service.postJson(
        "/sandbox/api/customers/" + customer + "/unreachable", Map.of("errorCode", 30003));
    openPanel();
    field("Customer number").fill(customer);
    field("Message").fill("Your appointment is confirmed for Monday.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send, reply to me"))
        .click();
    assertThat(page.locator("[data-notification-id=FMKOutboundSent]")).isVisible();

    // Twilio accepted it; the carrier's "undelivered" comes back afterwards and the watcher reports
    // it.
    Locator failure = page.locator("[data-notification-id=FMKOutboundDeliveryFailedNotice]");
    assertThat(failure)
        .isVisible(
            new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(20_000));
    assertThat(failure).containsText(customer);
    assertThat(failure).containsText("unreachable (30003)");
    assertThat(inbox(customer, 0)).isEmpty();

    openSentList();
    assertThat(sentRow(customer)).containsText("Undelivered");
    Screenshots.save(page, "outbound-sent-list");
    Axe.assertNoSeriousViolations(page, "the sent list");
    page.getByTestId("side-nav")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Agent desktop"))
        .click();
  }

  private void openSentList() {
    page.getByTestId("side-nav")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sent"))
        .click();
    assertThat(page.getByTestId("fmk-outbound-sent")).isVisible();
  }

  private Locator sentRow(String customer) {
    return page.getByTestId("fmk-outbound-sent-row")
        .filter(new Locator.FilterOptions().setHasText(customer));
  }

  /** Reservation sids per worker sid, as the sandbox's TaskRouter holds them. */
  private static Map<String, List<String>> reservationsByWorker() throws Exception {
    Map<String, List<String>> out = new java.util.HashMap<>();
    for (JsonNode worker : service.getJson("/sandbox/api/workers").path("workers")) {
      List<String> sids = new ArrayList<>();
      worker.path("reservations").forEach(r -> sids.add(r.path("sid").asText()));
      out.put(worker.path("sid").asText(), sids);
    }
    return out;
  }

  private static Map<String, List<String>> newReservations(Map<String, List<String>> before)
      throws Exception {
    Map<String, List<String>> fresh = new java.util.HashMap<>();
    reservationsByWorker()
        .forEach(
            (worker, sids) -> {
              List<String> added = new ArrayList<>(sids);
              added.removeAll(before.getOrDefault(worker, List.of()));
              if (!added.isEmpty()) {
                fresh.put(worker, added);
              }
            });
    return fresh;
  }

  /**
   * The desktop changes the activity through TaskRouter: wait until TaskRouter has it. Waiting
   * through the page lets Playwright pass the browser's request on (the context routes them all).
   */
  private void awaitActivity(String workerSid, String activity) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode worker : service.getJson("/sandbox/api/workers").path("workers")) {
        if (worker.path("sid").asText().equals(workerSid)
            && worker.path("activity").asText().equals(activity)) {
          return;
        }
      }
      page.waitForTimeout(100);
    }
    throw new AssertionError(workerSid + " never became " + activity);
  }

  /** The one worker a new reservation went to. */
  private static String awaitNewReservation(Map<String, List<String>> before) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      Map<String, List<String>> fresh = newReservations(before);
      if (!fresh.isEmpty()) {
        assertThat(fresh).hasSize(1);
        return fresh.keySet().iterator().next();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no agent was offered the customer's reply");
  }

  private Locator field(String label) {
    return page.getByTestId("fmk-outbound-panel")
        .getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
  }

  private void openPanel() {
    // A send closes the panel once its response arrives, which can be after the customer's phone
    // already shows the message; toggling before that would close it instead of opening it.
    assertThat(page.getByTestId("fmk-outbound-panel")).isHidden();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New outbound message"))
        .click();
    assertThat(page.getByTestId("fmk-outbound-panel")).isVisible();
  }

  private Locator taskOf(String customer) {
    return page.getByTestId("task-list-item")
        .filter(new Locator.FilterOptions().setHasText(customer));
  }

  private static String newCustomer() {
    customers += 1;
    return "+1415555" + String.format("%04d", 7000 + customers);
  }

  /** What the customer's phone received, once at least {@code atLeast} messages arrived. */
  private static List<String> inbox(String customer, int atLeast) throws Exception {
    List<String> bodies = new ArrayList<>();
    try {
      Await.until(
          customer + "'s messages",
          Duration.ofSeconds(10),
          () -> {
            bodies.clear();
            bodies.addAll(service.customerInbox(customer));
            return bodies.size() >= atLeast;
          });
    } catch (AssertionError timedOut) {
      throw new AssertionError(customer + " received only " + bodies);
    }
    return bodies;
  }
}
