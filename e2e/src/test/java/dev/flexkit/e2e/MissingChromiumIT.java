package dev.flexkit.e2e;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MissingChromiumIT {
  @Test
  void aMissingBrowserFailsWithOneLineSayingHowToInstallIt() {
    assertThatThrownBy(() -> HeadlessChromium.launch(Path.of("/nonexistent/chromium")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Chromium not found at /nonexistent/chromium: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH)");
  }
}
