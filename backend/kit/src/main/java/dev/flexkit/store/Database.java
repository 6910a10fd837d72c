package dev.flexkit.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flexkit.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The one JDBC store: a HikariCP pool whose schema Flyway brings up to date.
 *
 * <p>Connecting and migrating run in the background while the HTTP stack starts, which roughly
 * halves start-up time; {@link #awaitReady} is the gate the composition root waits on before it
 * announces the service, and callers that need a connection earlier simply wait for it.
 */
public final class Database implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private record Opened(HikariDataSource dataSource, String schemaVersion) {}

  private final DatabaseSettings settings;
  private final CompletableFuture<Opened> opened;

  private Database(DatabaseSettings settings, CompletableFuture<Opened> opened) {
    this.settings = settings;
    this.opened = opened;
  }

  /** Connects and migrates on a background thread; failures surface from {@link #awaitReady}. */
  public static Database openInBackground(DatabaseSettings settings, int poolSize) {
    CompletableFuture<Opened> future = new CompletableFuture<>();
    Thread opener =
        new Thread(
            () -> {
              try {
                future.complete(connectAndMigrate(settings, poolSize));
              } catch (Throwable e) {
                future.completeExceptionally(e);
              }
            },
            "store-open");
    opener.setDaemon(true);
    opener.start();
    return new Database(settings, future);
  }

  /** Connects and migrates before returning. */
  public static Database open(DatabaseSettings settings, int poolSize) {
    Database database =
        new Database(
            settings, CompletableFuture.completedFuture(connectAndMigrate(settings, poolSize)));
    return database;
  }

  private static Opened connectAndMigrate(DatabaseSettings settings, int poolSize) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("flexkit-store");
    hikari.setJdbcUrl(settings.jdbcUrl());
    hikari.setUsername(settings.username());
    hikari.setPassword(settings.password());
    hikari.setMaximumPoolSize(poolSize);
    hikari.setMinimumIdle(Math.min(2, poolSize));
    hikari.setConnectionTimeout(5_000);
    hikari.setInitializationFailTimeout(5_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StoreUnavailableException(
          "cannot connect to " + settings.redactedUrl() + ": " + rootMessage(e), e);
    }
    try {
      Flyway flyway =
          Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
      flyway.migrate();
      MigrationInfo current = flyway.info().current();
      return new Opened(dataSource, current == null ? "none" : current.getVersion().getVersion());
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreUnavailableException(
          "cannot migrate " + settings.redactedUrl() + ": " + rootMessage(e), e);
    }
  }

  /** Blocks until connected and migrated, or throws the reason it could not be. */
  public Database awaitReady() {
    ready();
    return this;
  }

  /** True once connected and migrated; false while starting or after a failed start. */
  public boolean isReady() {
    return opened.isDone() && !opened.isCompletedExceptionally();
  }

  /** Why the store is not ready, or null. */
  public String notReadyReason() {
    if (!opened.isDone()) {
      return "connecting and migrating";
    }
    try {
      opened.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
    }
  }

  private Opened ready() {
    try {
      return opened.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StoreUnavailableException s) {
        throw s;
      }
      throw new StoreUnavailableException("store failed to open: " + rootMessage(e), e.getCause());
    } catch (TimeoutException e) {
      throw new StoreUnavailableException(
          "store not ready after " + READY_TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for the store", e);
    }
  }

  public DataSource dataSource() {
    return ready().dataSource();
  }

  public Connection connection() throws SQLException {
    return ready().dataSource().getConnection();
  }

  public DatabaseSettings settings() {
    return settings;
  }

  public String schemaVersion() {
    return ready().schemaVersion();
  }

  @Override
  public void close() {
    opened.thenAccept(o -> o.dataSource().close());
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
