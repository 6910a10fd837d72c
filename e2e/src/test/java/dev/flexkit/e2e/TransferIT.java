package dev.flexkit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chat transfers as two agents see them, each in their own browser. */
class TransferIT {
  private static HeadlessChromium chromium;
  private ServiceProcess service;
  private JsonNode info;

  @BeforeAll
  static void launch() throws Exception {
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void close() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    service = ServiceProcess.start("transfer", Map.of());
    info = service.getJson("/sandbox/api/info");
  }

  @AfterEach
  void stop() throws Exception {
    service.closeAfterSpecCheck();
  }

  private JsonNode worker(String email) {
    for (JsonNode w : info.path("workers")) {
      if (w.path("friendlyName").asText().toLowerCase().startsWith(email.substring(0, 3))
          || w.path("identity").asText().startsWith(email.substring(0, email.indexOf('@')))) {
        return w;
      }
    }
    throw new AssertionError("no worker " + email);
  }

  private void activity(JsonNode worker, String activity) throws Exception {
    service.postJson("/sandbox/api/workers/" + worker.path("sid").asText() + "/activity", Map.of("activity", activity));
  }

  private Page desktop(BrowserContext context, JsonNode agent) {
    Page page = context.newPage();
    page.navigate(service.url("/sandbox/?identity=" + agent.path("identity").asText()).toString());
    assertThat(page.getByTestId("agent-desktop")).hasAttribute("data-plugins-loaded", "plugin-flex-messaging-kit");
    return page;
  }

  /** Alice takes a customer's SMS (Bob is away meanwhile), then Bob comes back. */
  private Page aliceTakesAChat(BrowserContext context, JsonNode alice, JsonNode bob, String customer) throws Exception {
    activity(bob, "Offline");
    Page page = desktop(context, alice);
    service.postJson("/sandbox/api/customers/messages",
        Map.of("from", customer, "to", info.at("/numbers/sms/0").asText(), "body", "Can I get a refund?"));
    assertThat(page.getByTestId("task-list-item")).hasCount(1);
    page.getByTestId("task-list-item").click();
    page.getByTestId("accept-task").click();
    assertThat(page.getByTestId("fmk-transfer-button")).isVisible();
    activity(bob, "Available");
    return page;
  }

  private static void transferTo(Page page, String targetName) {
    page.getByTestId("fmk-transfer-button").click();
    Locator dialog = page.getByRole(AriaRole.DIALOG);
    dialog.getByText(targetName, new Locator.GetByTextOptions().setExact(true)).click();
    dialog.getByLabel("Note for the next agent (optional)").fill("Refund for order 1234");
    dialog.getByTestId("fmk-transfer-submit").click();
    assertThat(dialog).hasCount(0);
  }

  @Test
  void coldTransferToAnAgentKeepsTheCustomerConnected() throws Exception {
    JsonNode alice = worker("alice@example.com");
    JsonNode bob = worker("bob@example.com");
    String customer = "+15551239001";
    try (BrowserContext aliceContext = chromium.newContext(); BrowserContext bobContext = chromium.newContext()) {
      Page alicePage = aliceTakesAChat(aliceContext, alice, bob, customer);
      Page bobPage = desktop(bobContext, bob);

      transferTo(alicePage, "Bob Agent");
      // Alice's task ends once the invite is out; Bob is offered the chat.
      assertThat(alicePage.getByTestId("task-list-item")).hasCount(0);
      assertThat(bobPage.getByTestId("task-list-item")).hasCount(1);
      bobPage.getByTestId("task-list-item").click();
      bobPage.getByTestId("accept-task").click();

      // Bob sees the history, and his reply reaches the customer.
      assertThat(bobPage.getByTestId("message").filter(new Locator.FilterOptions().setHasText("Can I get a refund?"))).hasCount(1);
      bobPage.getByTestId("message-input").fill("Bob here, I can help with that.");
      bobPage.getByTestId("send-message").click();
      awaitInbox(customer, "Bob here, I can help with that.");
      Screenshots.save(bobPage, "transfer-cold-accepted");
    }
  }

  @Test
  void rejectedTransferComesBackToTheOriginalAgentWithANotification() throws Exception {
    JsonNode alice = worker("alice@example.com");
    JsonNode bob = worker("bob@example.com");
    String customer = "+15551239002";
    try (BrowserContext aliceContext = chromium.newContext(); BrowserContext bobContext = chromium.newContext()) {
      Page alicePage = aliceTakesAChat(aliceContext, alice, bob, customer);
      Page bobPage = desktop(bobContext, bob);

      transferTo(alicePage, "Bob Agent");
      assertThat(bobPage.getByTestId("task-list-item")).hasCount(1);
      bobPage.getByTestId("task-list-item").click();
      bobPage.getByTestId("reject-task").click();

      Locator rolledBack = alicePage.locator("[data-notification-id=FMKTransferRolledBack]");
      assertThat(rolledBack).containsText("the target declined");
      // The chat is offered back to Alice, who takes it and carries on with the customer.
      assertThat(alicePage.getByTestId("task-list-item")).hasCount(1);
      alicePage.getByTestId("task-list-item").click();
      alicePage.getByTestId("accept-task").click();
      alicePage.getByTestId("message-input").fill("Sorry for the wait, I am still here.");
      alicePage.getByTestId("send-message").click();
      awaitInbox(customer, "Sorry for the wait, I am still here.");
      Screenshots.save(alicePage, "transfer-rolled-back");
    }
  }

  private void awaitInbox(String customer, String body) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode m : service.getJson("/sandbox/api/customers/" + URLEncoder.encode(customer, StandardCharsets.UTF_8)
          + "/messages").path("messages")) {
        if (m.path("body").asText().equals(body)) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the customer never received: " + body);
  }
}
