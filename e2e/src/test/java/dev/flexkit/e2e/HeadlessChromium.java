package dev.flexkit.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Debian's Chromium driven by Playwright. Playwright's own browser download cannot work on a closed
 * network, so it is skipped and the system browser is used; anything that would leave localhost
 * (Paste asks for remote fonts) is blocked so runs are hermetic.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path EXECUTABLE =
      Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
  private static final List<String> FLAGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic");

  private final Playwright playwright;
  private final Browser browser;

  private HeadlessChromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  static HeadlessChromium launch() {
    return launch(EXECUTABLE);
  }

  static HeadlessChromium launch(Path executable) {
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException(
          "Chromium not found at "
              + executable
              + ": install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH)");
    }
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(FLAGS));
    return new HeadlessChromium(playwright, browser);
  }

  private static final Pattern REMOTE =
      Pattern.compile("^https?://(?!(localhost|127\\.0\\.0\\.1)(:\\d+)?/).*");

  /** A fresh profile, 1440x900, with every request that leaves this machine aborted. */
  BrowserContext newContext() {
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
    // Matched by the browser, not in Java: a catch-all handler would hold every local request until
    // the test thread next calls Playwright, so a test polling the sandbox would stall the page.
    context.route(REMOTE, Route::abort);
    return context;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
