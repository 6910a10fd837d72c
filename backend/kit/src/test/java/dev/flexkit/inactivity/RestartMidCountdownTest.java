package dev.flexkit.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.inactivity.TimersFixture.CountingActions;
import dev.flexkit.inactivity.TimersFixture.TestClock;
import dev.flexkit.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The timers live in the store, not in memory: a new instance on the same H2 file picks the
 * countdown up where the old one stopped. Here the side effects are counted below the Twilio calls;
 * the e2e InactivityRestartIT restarts the real jar against the sandbox in its own process.
 */
class RestartMidCountdownTest {
  @Test
  void aRestartedInstanceSendsNoSecondWarningAndWrapsUpOnce() throws Exception {
    Path dir = Files.createTempDirectory("inactivity-restart");
    DatabaseSettings settings =
        new DatabaseSettings(
            "jdbc:h2:file:" + dir.resolve("kit") + ";DB_CLOSE_DELAY=0",
            "sa",
            "",
            DatabaseSettings.Vendor.H2);
    TestClock clock = new TestClock();
    CountingActions actions = new CountingActions();
    String conversation = TimersFixture.conversation(7);

    try (Database before = Database.open(settings, 2)) {
      InactivityService first =
          new InactivityService(
              new InactivityTimers(before), (c, q) -> TimersFixture.SETTINGS, actions, clock);
      first.onTaskRouterEvent(TimersFixture.accepted(7));
      clock.advance(Duration.ofSeconds(95));
      assertThat(first.fireDue()).isEqualTo(1);
    }

    clock.advance(Duration.ofSeconds(60));
    try (Database after = Database.open(settings, 2)) {
      InactivityService second =
          new InactivityService(
              new InactivityTimers(after), (c, q) -> TimersFixture.SETTINGS, actions, clock);
      assertThat(second.find(conversation))
          .get()
          .extracting(Timer::state)
          .isEqualTo(Timer.State.WARNED);
      assertThat(second.fireDue()).isEqualTo(1);
      assertThat(second.fireDue()).isZero();
      assertThat(second.find(conversation))
          .get()
          .extracting(Timer::state)
          .isEqualTo(Timer.State.EXPIRED);
    }
    assertThat(actions.warnings.get(conversation).get()).isEqualTo(1);
    assertThat(actions.wrapUps.get(conversation).get()).isEqualTo(1);
  }

  @Test
  void aWarningThatFellDueWhileEveryInstanceWasDownIsSkippedOnceTheDeadlineHasPassed()
      throws Exception {
    DatabaseSettings settings =
        new DatabaseSettings(
            "jdbc:h2:mem:down" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
            "sa",
            "",
            DatabaseSettings.Vendor.H2);
    TestClock clock = new TestClock();
    CountingActions actions = new CountingActions();
    try (Database db = Database.open(settings, 2)) {
      InactivityService service =
          new InactivityService(
              new InactivityTimers(db), (c, q) -> TimersFixture.SETTINGS, actions, clock);
      service.onTaskRouterEvent(TimersFixture.accepted(5));
      clock.advance(Duration.ofSeconds(125));
      assertThat(service.fireDue()).isEqualTo(1);
      assertThat(actions.warnings).isEmpty();
      assertThat(actions.wrapUps.get(TimersFixture.conversation(5)).get()).isEqualTo(1);
    }
  }

  @Test
  void aWrapUpThatFailedIsRetriedUntilTwilioConfirmsIt() throws Exception {
    DatabaseSettings settings =
        new DatabaseSettings(
            "jdbc:h2:mem:retry" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
            "sa",
            "",
            DatabaseSettings.Vendor.H2);
    TestClock clock = new TestClock();
    int[] attempts = {0};
    InactivityActions flaky =
        new InactivityActions() {
          @Override
          public void warn(Timer timer, InactivitySettings s, boolean retry) {}

          @Override
          public boolean wrapUp(Timer timer) {
            return ++attempts[0] > 1;
          }
        };
    try (Database db = Database.open(settings, 2)) {
      InactivityService service =
          new InactivityService(
              new InactivityTimers(db), (c, q) -> TimersFixture.SETTINGS, flaky, clock);
      service.onTaskRouterEvent(TimersFixture.accepted(1));
      clock.advance(Duration.ofSeconds(121));
      service.fireDue();
      assertThat(attempts[0]).isEqualTo(1);
      clock.advance(Duration.ofSeconds(31));
      service.fireDue();
      assertThat(attempts[0]).isEqualTo(2);
      clock.advance(Duration.ofMinutes(10));
      service.fireDue();
      assertThat(attempts[0]).isEqualTo(2);
    }
  }

  @Test
  void aWarningInterruptedAfterSendingIsRetriedWithACheckForTheSentMessage() throws Exception {
    DatabaseSettings settings =
        new DatabaseSettings(
            "jdbc:h2:mem:crash" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
            "sa",
            "",
            DatabaseSettings.Vendor.H2);
    TestClock clock = new TestClock();
    java.util.List<Boolean> retries = new java.util.ArrayList<>();
    InactivityActions crashingOnce =
        new InactivityActions() {
          @Override
          public void warn(Timer timer, InactivitySettings s, boolean retry) {
            retries.add(retry);
            if (retries.size() == 1) {
              throw new IllegalStateException("process died after Twilio took the message");
            }
          }

          @Override
          public boolean wrapUp(Timer timer) {
            return true;
          }
        };
    try (Database db = Database.open(settings, 2)) {
      InactivityService service =
          new InactivityService(
              new InactivityTimers(db), (c, q) -> TimersFixture.SETTINGS, crashingOnce, clock);
      service.onTaskRouterEvent(TimersFixture.accepted(3));
      clock.advance(Duration.ofSeconds(91));
      service.fireDue();
      clock.advance(Duration.ofSeconds(10));
      service.fireDue();
      assertThat(retries).containsExactly(false);
      clock.advance(Duration.ofSeconds(21));
      service.fireDue();
      assertThat(retries).containsExactly(false, true);
      // The retry came after the deadline, so the wrap-up followed it in the same sweep.
      assertThat(service.find(TimersFixture.conversation(3)))
          .get()
          .extracting(Timer::state)
          .isEqualTo(Timer.State.EXPIRED);
    }
  }
}
