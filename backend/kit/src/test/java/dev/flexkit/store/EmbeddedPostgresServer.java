package dev.flexkit.store;

import dev.flexkit.config.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for one test class, started from Maven Central binaries: no Docker, no
 * service. Register with {@code @RegisterExtension static final EmbeddedPostgresServer postgres}.
 */
public final class EmbeddedPostgresServer implements BeforeAllCallback, AfterAllCallback {
  private EmbeddedPostgres postgres;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    postgres.close();
  }

  public DatabaseSettings settings() {
    return new DatabaseSettings(
        postgres.getJdbcUrl("postgres", "postgres"),
        "postgres",
        "postgres",
        DatabaseSettings.Vendor.POSTGRESQL);
  }
}
