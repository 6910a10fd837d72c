package dev.flexkit.e2e;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

final class Screenshots {
  private Screenshots() {}

  static Path save(Page page, String name) {
    Path file = Path.of(System.getProperty("flexkit.screenshots", "target/screenshots")).resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
    return file;
  }
}
