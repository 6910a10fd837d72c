package dev.flexkit.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.inactivity.Timer.State;
import dev.flexkit.store.Database;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The timer statements, run on H2 and on PostgreSQL: the SQL date arithmetic must agree on both.
 */
abstract class InactivityTimersContract {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final InactivitySettings TWO_MINUTES =
      new InactivitySettings(120, 30, "still there?", "system", false);
  private static int next;

  private Database db;
  private InactivityTimers timers;
  private String conversation;

  protected abstract DatabaseSettings settings();

  @BeforeEach
  void open() {
    db = Database.open(settings(), 2);
    timers = new InactivityTimers(db);
    conversation = String.format("CH%032d", 900_000 + next++);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theCustomersMessageRestartsTheCountdownFromTheSettingsItWasArmedWith() {
    arm(TWO_MINUTES);
    Instant later = T0.plusSeconds(75);
    assertThat(timers.resetByCustomer(conversation, "+15550001111", later)).isTrue();
    Timer t = timers.find(conversation).orElseThrow();
    assertThat(t.state()).isEqualTo(State.ACTIVE);
    assertThat(t.deadline()).isEqualTo(later.plusSeconds(120));
    assertThat(t.warningAt()).isEqualTo(later.plusSeconds(90));
    assertThat(t.nextFireAt()).isEqualTo(later.plusSeconds(90));
    assertThat(t.version()).isEqualTo(1);
  }

  @Test
  void withoutAWarningTheNextStepIsTheDeadline() {
    arm(new InactivitySettings(60, 0, "x", "system", false));
    assertThat(timers.resetByCustomer(conversation, "+15550001111", T0.plusSeconds(10))).isTrue();
    Timer t = timers.find(conversation).orElseThrow();
    assertThat(t.warningAt()).isNull();
    assertThat(t.nextFireAt()).isEqualTo(T0.plusSeconds(70)).isEqualTo(t.deadline());
  }

  @Test
  void anotherAuthorOrAStoppedCountdownChangesNothing() {
    arm(TWO_MINUTES);
    assertThat(timers.resetByCustomer(conversation, "alice@example.com", T0.plusSeconds(5)))
        .isFalse();
    timers.stopConversation(conversation, T0.plusSeconds(6));
    assertThat(timers.resetByCustomer(conversation, "+15550001111", T0.plusSeconds(7))).isFalse();
    assertThat(timers.find(conversation).orElseThrow().state()).isEqualTo(State.STOPPED);
    assertThat(timers.resetByCustomer("CH" + "f".repeat(32), "+15550001111", T0)).isFalse();
  }

  @Test
  void aPausedCountdownRestartsWhenTheCustomerWrites() {
    arm(TWO_MINUTES);
    Timer t = timers.find(conversation).orElseThrow();
    assertThat(timers.reschedule(t, State.PAUSED, null, null, null, T0.plusSeconds(1))).isTrue();
    assertThat(timers.due(T0.plusSeconds(3_600), 10))
        .noneMatch(d -> d.conversationSid().equals(conversation));
    assertThat(timers.resetByCustomer(conversation, "+15550001111", T0.plusSeconds(600))).isTrue();
    assertThat(timers.find(conversation).orElseThrow().nextFireAt()).isEqualTo(T0.plusSeconds(690));
  }

  @Test
  void aTaskLookUpIsClaimedOncePerIntervalAndNeverWhileACountdownRuns() {
    Duration interval = Duration.ofMinutes(1);
    assertThat(timers.claimTaskCheck(conversation, "+15550001111", T0, T0.minus(interval)))
        .isTrue();
    assertThat(timers.find(conversation).orElseThrow().state()).isEqualTo(State.IDLE);
    Instant soon = T0.plusSeconds(30);
    assertThat(timers.claimTaskCheck(conversation, "+15550001111", soon, soon.minus(interval)))
        .isFalse();
    Instant later = T0.plusSeconds(61);
    assertThat(timers.claimTaskCheck(conversation, "+15550001111", later, later.minus(interval)))
        .isTrue();
    arm(TWO_MINUTES);
    Instant muchLater = T0.plusSeconds(600);
    assertThat(
            timers.claimTaskCheck(
                conversation, "+15550001111", muchLater, muchLater.minus(interval)))
        .isFalse();
  }

  @Test
  void aLateOrRepeatedAcceptanceOfTheTrackedTaskNeverRestartsTheCountdown() {
    arm(TWO_MINUTES);
    Timer first = timers.find(conversation).orElseThrow();
    assertThat(timers.transition(first, State.WARNED, first.deadline(), T0.plusSeconds(91)))
        .isTrue();
    Instant later = T0.plusSeconds(100);
    Timer.Assignment sameTask =
        new Timer.Assignment(
            conversation,
            "WT" + conversation.substring(2),
            "WK1",
            "KD1",
            "UO1",
            "sms",
            "WQ1",
            "+15550001111",
            null);
    assertThat(
            timers.arm(sameTask, TWO_MINUTES, later.plusSeconds(120), later.plusSeconds(90), later))
        .isFalse();
    Timer after = timers.find(conversation).orElseThrow();
    assertThat(after.state()).isEqualTo(State.WARNED);
    assertThat(after.deadline()).isEqualTo(first.deadline());

    Timer.Assignment nextTask =
        new Timer.Assignment(
            conversation, "WTnext", "WK2", "KD1", "UO1", "sms", "WQ1", "+15550001111", null);
    assertThat(
            timers.arm(nextTask, TWO_MINUTES, later.plusSeconds(120), later.plusSeconds(90), later))
        .isTrue();
    assertThat(timers.find(conversation).orElseThrow().state()).isEqualTo(State.ACTIVE);
  }

  @Test
  void theSenderIsKeptFromTheTaskOrRememberedOnceLookedUp() {
    arm(TWO_MINUTES);
    assertThat(timers.find(conversation).orElseThrow().senderAddress()).isNull();
    timers.rememberSender(conversation, "whatsapp:+15557654321");
    timers.rememberSender(conversation, "whatsapp:+15550000000");
    Timer t = timers.find(conversation).orElseThrow();
    assertThat(t.senderAddress()).isEqualTo("whatsapp:+15557654321");
    assertThat(t.timerSec()).isEqualTo(120);
    assertThat(t.warningSec()).isEqualTo(30);
  }

  private void arm(InactivitySettings s) {
    Instant deadline = T0.plusSeconds(s.timerSec());
    timers.arm(
        new Timer.Assignment(
            conversation,
            "WT" + conversation.substring(2),
            "WK1",
            "KD1",
            "UO1",
            "sms",
            "WQ1",
            "+15550001111",
            null),
        s,
        deadline,
        s.warningSec() > 0 ? deadline.minusSeconds(s.warningSec()) : null,
        T0);
  }
}
