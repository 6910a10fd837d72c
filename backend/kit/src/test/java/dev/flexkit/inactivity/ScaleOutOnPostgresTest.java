package dev.flexkit.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.inactivity.TimersFixture.CountingActions;
import dev.flexkit.inactivity.TimersFixture.TestClock;
import dev.flexkit.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one PostgreSQL: every step happens once, and one instance alone finishes
 * the job. The side effects are counted here; the e2e InactivityScaleOutIT does the same with two
 * jars, the sandbox as Twilio, and a kill -9.
 */
class ScaleOutOnPostgresTest {
  private static final int CONVERSATIONS = 300;
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void twoInstancesFireEveryWarningAndWrapUpExactlyOnceAndTheSurvivorFinishesAlone()
      throws Exception {
    DatabaseSettings settings =
        new DatabaseSettings(
            postgres.getJdbcUrl("postgres", "postgres"),
            "postgres",
            "postgres",
            DatabaseSettings.Vendor.POSTGRESQL);
    TestClock clock = new TestClock();
    CountingActions actions = new CountingActions();
    try (Database dbA = Database.open(settings, 4);
        Database dbB = Database.open(settings, 4)) {
      InactivityService a =
          new InactivityService(
              new InactivityTimers(dbA), (c, q) -> TimersFixture.SETTINGS, actions, clock);
      InactivityService b =
          new InactivityService(
              new InactivityTimers(dbB), (c, q) -> TimersFixture.SETTINGS, actions, clock, 4);
      IntStream.range(0, CONVERSATIONS)
          .forEach(i -> (i % 2 == 0 ? a : b).onTaskRouterEvent(TimersFixture.accepted(i)));

      clock.advance(Duration.ofSeconds(91));
      int fired = race(a, b);
      assertThat(fired).isEqualTo(CONVERSATIONS);
      assertThat(actions.warnings).hasSize(CONVERSATIONS);
      assertThat(actions.warnings.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));

      // Instance A dies (no more sweeps from it): B alone fires every wrap-up, once.
      clock.advance(Duration.ofSeconds(30));
      assertThat(b.fireDue()).isEqualTo(CONVERSATIONS);
      assertThat(a.fireDue() + b.fireDue()).isZero();
      assertThat(actions.wrapUps).hasSize(CONVERSATIONS);
      assertThat(actions.wrapUps.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
      assertThat(actions.warnings.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }
  }

  /** Both instances sweep at the same moment, several threads each, as replicas polling would. */
  private static int race(InactivityService a, InactivityService b) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      AtomicInteger total = new AtomicInteger();
      List<Callable<Integer>> sweeps = List.of(a::fireDue, b::fireDue, a::fireDue, b::fireDue);
      for (var f : pool.invokeAll(sweeps)) {
        total.addAndGet(f.get());
      }
      return total.get();
    } finally {
      pool.shutdownNow();
    }
  }
}
