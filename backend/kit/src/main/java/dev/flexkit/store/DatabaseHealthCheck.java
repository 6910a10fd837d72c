package dev.flexkit.store;

import dev.flexkit.health.HealthCheck;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready only while a pooled connection answers within two seconds. */
public final class DatabaseHealthCheck implements HealthCheck {
  private final Database database;

  public DatabaseHealthCheck(Database database) {
    this.database = database;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public Result check() {
    if (!database.isReady()) {
      return Result.unhealthy(database.notReadyReason());
    }
    try (Connection c = database.connection()) {
      if (!c.isValid(2)) {
        return Result.unhealthy("connection did not answer in 2 s");
      }
      String product =
          c.getMetaData().getDatabaseProductName()
              + " "
              + c.getMetaData().getDatabaseProductVersion();
      return Result.healthy(product + ", schema v" + database.schemaVersion());
    } catch (SQLException e) {
      return Result.unhealthy(
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
