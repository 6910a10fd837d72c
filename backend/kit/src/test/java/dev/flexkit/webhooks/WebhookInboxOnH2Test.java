package dev.flexkit.webhooks;

import dev.flexkit.config.DatabaseSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class WebhookInboxOnH2Test extends WebhookInboxContract {
  @TempDir static Path dir;

  @Override
  protected DatabaseSettings settings() {
    return new DatabaseSettings(
        "jdbc:h2:file:" + dir.resolve("flexkit"), "sa", "", DatabaseSettings.Vendor.H2);
  }
}
