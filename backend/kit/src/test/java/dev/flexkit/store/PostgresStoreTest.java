package dev.flexkit.store;

import dev.flexkit.config.DatabaseSettings;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresStoreTest extends StoreContract {
  @RegisterExtension static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

  @Override
  protected DatabaseSettings settings() {
    return POSTGRES.settings();
  }

  @Override
  protected String expectedProduct() {
    return "PostgreSQL";
  }
}
