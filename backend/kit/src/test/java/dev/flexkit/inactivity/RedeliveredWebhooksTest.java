package dev.flexkit.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.inactivity.TimersFixture.CountingActions;
import dev.flexkit.inactivity.TimersFixture.TestClock;
import dev.flexkit.store.Database;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The webhook inbox delivers an event again when a replica died after its listeners ran but before
 * the event was deleted: the countdown's listener must not arm twice or warn twice.
 */
class RedeliveredWebhooksTest {
  @Test
  void aRedeliveredAcceptanceArmsOneCountdownThatWarnsOnce() throws Exception {
    DatabaseSettings settings =
        new DatabaseSettings(
            "jdbc:h2:file:" + Files.createTempDirectory("redelivered").resolve("kit"),
            "sa",
            "",
            DatabaseSettings.Vendor.H2);
    TestClock clock = new TestClock();
    CountingActions actions = new CountingActions();
    String conversation = TimersFixture.conversation(3);
    try (Database db = Database.open(settings, 2)) {
      InactivityService service =
          new InactivityService(
              new InactivityTimers(db), (c, q) -> TimersFixture.SETTINGS, actions, clock);
      service.onTaskRouterEvent(TimersFixture.accepted(3));
      var armed = service.find(conversation).orElseThrow();
      clock.advance(Duration.ofSeconds(5));
      service.onTaskRouterEvent(TimersFixture.accepted(3)); // the same event, redelivered
      assertThat(service.find(conversation).orElseThrow().deadline()).isEqualTo(armed.deadline());
      clock.advance(Duration.ofSeconds(90));
      assertThat(service.fireDue()).isEqualTo(1);
      service.onTaskRouterEvent(TimersFixture.accepted(3)); // and again, after the warning
      assertThat(service.fireDue()).isZero();
    }
    assertThat(actions.warnings.get(conversation).get()).isEqualTo(1);
  }
}
