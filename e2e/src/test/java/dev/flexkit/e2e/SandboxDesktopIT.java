package dev.flexkit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as a demo: a customer texts in, an agent takes the chat in the browser, replies and
 * wraps up.
 */
class SandboxDesktopIT {
  private static ServiceProcess service;
  private static HeadlessChromium chromium;

  @BeforeAll
  static void start() throws Exception {
    chromium = HeadlessChromium.launch();
    service = ServiceProcess.start("sandbox-desktop", Map.of());
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
  void aCustomerTextReachesTheAgentWhoRepliesAndWrapsUp() throws Exception {
    JsonNode info = service.getJson("/sandbox/api/info");
    JsonNode agent = info.path("workers").get(0);
    service.makeOnlyAvailable(info, agent.path("sid").asText());
    String ourNumber = info.at("/numbers/sms/0").asText();
    String customer = "+15551230000";

    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      page.navigate(
          service.url("/sandbox/?identity=" + agent.path("identity").asText()).toString());
      assertThat(page.getByTestId("agent-desktop"))
          .hasAttribute("data-plugins-loaded", "plugin-flex-messaging-kit");

      service.postJson(
          "/sandbox/api/customers/messages",
          Map.of("from", customer, "to", ourNumber, "body", "Hi, where is my order?"));

      assertThat(page.getByTestId("task-list-item")).hasCount(1);
      page.getByTestId("task-list-item").click();
      page.getByTestId("accept-task").click();
      assertThat(
              page.getByTestId("message")
                  .filter(
                      new com.microsoft.playwright.Locator.FilterOptions()
                          .setHasText("Hi, where is my order?")))
          .hasCount(1);

      page.getByTestId("message-input").fill("It ships today.");
      page.getByTestId("send-message").click();
      awaitInbox(customer, "It ships today.");
      assertThat(page.getByTestId("message")).hasCount(2);
      Screenshots.save(page, "sandbox-conversation");

      page.getByTestId("wrapup-task").click();
      page.getByTestId("complete-task").click();
      assertThat(page.getByTestId("task-list-item")).hasCount(0);
    }
  }

  private static void awaitInbox(String customer, String body) throws Exception {
    Await.until(
        "the customer to receive: " + body,
        Duration.ofSeconds(10),
        () -> service.customerInbox(customer).contains(body));
  }
}
