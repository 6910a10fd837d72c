package dev.flexkit.transfer;

import dev.flexkit.config.DatabaseSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class PendingTransfersH2Test extends PendingTransfersContract {
  @TempDir static Path dir;

  @Override
  protected DatabaseSettings settings() {
    return new DatabaseSettings(
        "jdbc:h2:file:" + dir.resolve("flexkit"), "sa", "", DatabaseSettings.Vendor.H2);
  }
}
