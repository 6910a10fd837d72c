package dev.flexkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.health.HealthCheck;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same store behaviour, proven on every database we support. */
abstract class StoreContract {
  protected abstract DatabaseSettings settings();

  protected abstract String expectedProduct();

  private Database database;
  private IdempotencyRecords records;

  @BeforeEach
  void open() {
    database = Database.open(settings(), 4);
    records = new IdempotencyRecords(database, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  /** The highest V<n>__ among the migrations, whichever capabilities have added theirs. */
  static String latestMigration() {
    try (var files =
        java.nio.file.Files.list(
            java.nio.file.Path.of(StoreContract.class.getResource("/db/migration").toURI()))) {
      return String.valueOf(
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.*\\.sql"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max()
              .orElse(0));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void migrationsBringTheSchemaToTheLatestVersionAndAreIdempotent() {
    assertThat(database.schemaVersion()).isEqualTo(latestMigration());
    try (Database again = Database.open(settings(), 2)) {
      assertThat(again.schemaVersion()).isEqualTo(latestMigration());
    }
  }

  @Test
  void healthCheckNamesTheDatabaseAndSchema() {
    HealthCheck.Result result = new DatabaseHealthCheck(database).check();
    assertThat(result.healthy()).isTrue();
    assertThat(result.detail())
        .startsWith(expectedProduct())
        .endsWith("schema v" + latestMigration());
  }

  @Test
  void theFirstClaimOwnsTheKeyAndLaterOnesSeeItsResult() {
    String key = "key-" + System.nanoTime();
    IdempotencyRecords.Claim first = records.claim("outbound", key, "hash-a");
    IdempotencyRecords.Claim second = records.claim("outbound", key, "hash-a");
    assertThat(first.owned()).isTrue();
    assertThat(second.owned()).isFalse();
    assertThat(second.record().state()).isEqualTo(IdempotencyRecords.State.PENDING);

    records.complete("outbound", key, 201, "{\"messageSid\":\"IM1\"}");
    IdempotencyRecords.Record done = records.find("outbound", key).orElseThrow();
    assertThat(done.state()).isEqualTo(IdempotencyRecords.State.COMPLETED);
    assertThat(done.responseStatus()).isEqualTo(201);
    assertThat(done.responseBody()).isEqualTo("{\"messageSid\":\"IM1\"}");
    assertThat(records.claim("other-scope", key, "hash-a").owned()).isTrue();
  }

  @Test
  void concurrentClaimsOnOneKeyHaveExactlyOneWinner() throws Exception {
    String key = "race-" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> racers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        racers.add(() -> records.claim("outbound", key, "h").owned());
      }
      long winners = 0;
      for (Future<Boolean> f : pool.invokeAll(racers)) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aReleasedPendingKeyCanBeClaimedAgainButACompletedOneCannot() {
    String key = "release-" + System.nanoTime();
    records.claim("outbound", key, "h");
    records.release("outbound", key);
    assertThat(records.find("outbound", key)).isEmpty();
    assertThat(records.claim("outbound", key, "h").owned()).isTrue();
    records.complete("outbound", key, 201, "{}");
    records.release("outbound", key);
    assertThat(records.claim("outbound", key, "h").owned()).isFalse();
  }
}
