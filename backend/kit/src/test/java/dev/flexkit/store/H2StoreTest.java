package dev.flexkit.store;

import dev.flexkit.config.DatabaseSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2StoreTest extends StoreContract {
  @TempDir static Path dir;

  @Override
  protected DatabaseSettings settings() {
    return new DatabaseSettings(
        "jdbc:h2:file:" + dir.resolve("flexkit"), "sa", "", DatabaseSettings.Vendor.H2);
  }

  @Override
  protected String expectedProduct() {
    return "H2";
  }
}
