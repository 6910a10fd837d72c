package dev.flexkit.inactivity;

import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.store.EmbeddedPostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class InactivityTimersOnPostgresTest extends InactivityTimersContract {
  @RegisterExtension static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

  @Override
  protected DatabaseSettings settings() {
    return POSTGRES.settings();
  }
}
