package dev.flexkit.store;

import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;

/**
 * The database, opened (and migrated) in the background while the server starts: start-up waits for
 * it before it returns, {@code /health} reports it, and it closes once requests have drained.
 */
public final class StoreCapability implements Capability {
  private final Database database;

  public StoreCapability(Database database) {
    this.database = database;
  }

  @Override
  public void contribute(Contributions to) {
    to.bind(database, Database.class)
        .healthCheck(new DatabaseHealthCheck(database))
        .whenReady(database::awaitReady)
        .onStopped(database::close);
  }
}
