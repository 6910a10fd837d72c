package dev.flexkit.store;

import dev.flexkit.config.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A real PostgreSQL server, started from Maven Central binaries: no Docker, no service. */
class PostgresStoreTest extends StoreContract {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  protected DatabaseSettings settings() {
    return new DatabaseSettings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
        DatabaseSettings.Vendor.POSTGRESQL);
  }

  @Override
  protected String expectedProduct() {
    return "PostgreSQL";
  }
}
