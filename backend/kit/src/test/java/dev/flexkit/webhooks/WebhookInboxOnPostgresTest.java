package dev.flexkit.webhooks;

import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.store.EmbeddedPostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookInboxOnPostgresTest extends WebhookInboxContract {
  @RegisterExtension static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

  @Override
  protected DatabaseSettings settings() {
    return POSTGRES.settings();
  }
}
