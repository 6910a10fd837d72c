package dev.flexkit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A newcomer's first minute: run the jar, open the sandbox desktop, see the plugin at work. */
class AgentDesktopIT {
  private static ServiceProcess service;
  private static HeadlessChromium chromium;

  private BrowserContext context;
  private Page page;
  private final List<String> pageErrors = new ArrayList<>();

  @BeforeAll
  static void startServiceAndBrowser() throws Exception {
    chromium = HeadlessChromium.launch();
    service = ServiceProcess.start("agent-desktop", Map.of());
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
  void openDesktop() {
    context = chromium.newContext();
    page = context.newPage();
    page.onPageError(pageErrors::add);
    page.onConsoleMessage(
        m -> {
          if (m.type().equals("error") && !m.text().contains("net::ERR_FAILED")) {
            pageErrors.add(m.text());
          }
        });
  }

  @AfterEach
  void closeContext() {
    context.close();
  }

  @Test
  void theRealPluginBundleLoadsAndReportsTheBackendConnected() {
    page.navigate(service.url("/sandbox/").toString());

    assertThat(page.getByTestId("agent-desktop"))
        .hasAttribute("data-plugins-loaded", "plugin-flex-messaging-kit");
    assertThat(page.getByTestId("agent-header")).isVisible();
    assertThat(page.getByTestId("task-list")).isVisible();
    assertThat(page.getByTestId("task-canvas")).isVisible();

    // Rendered by the plugin bundle (not the harness), from a real /health round trip.
    assertThat(page.getByTestId("fmk-health-status")).hasAttribute("data-state", "connected");
    assertThat(page.getByTestId("fmk-health-status")).containsText("connected");
    assertThat(page.getByTestId("plugin-error")).hasCount(0);
    Axe.assertNoSeriousViolations(page, "the agent desktop with the health badge");

    String pluginScript =
        (String)
            page.evaluate(
                "() => [...document.scripts].map(s => s.src).find(s => s.includes('/plugin/plugin-flex-messaging-kit.js'))");
    assertThat(pluginScript).isNotNull();
    assertThat(pageErrors).isEmpty();

    Screenshots.save(page, "agent-desktop");
  }

  @Test
  void theBundleIsServedByTheJarItself() {
    var response = page.navigate(service.url("/plugin/plugin-flex-messaging-kit.js").toString());
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headerValue("content-type")).startsWith("text/javascript");
    assertThat(response.text()).contains("plugin-flex-messaging-kit");
  }
}
