package dev.flexkit.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.nio.file.Path;

final class Screenshots {
  private Screenshots() {}

  static Path save(Page page, String name) {
    Path file =
        Path.of(System.getProperty("flexkit.screenshots", "target/screenshots"))
            .resolve(name + ".png");
    // Finished transitions: a button enabled a moment ago would otherwise be caught mid-fade,
    // looking disabled.
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(file)
            .setFullPage(false)
            .setAnimations(ScreenshotAnimations.DISABLED));
    return file;
  }
}
