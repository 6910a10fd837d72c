package dev.flexkit.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.store.Database;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pending transfers behave the same on every database we support. */
abstract class PendingTransfersContract {
  protected abstract DatabaseSettings settings();

  private Database database;
  private PendingTransfers store;

  @BeforeEach
  void open() {
    database = Database.open(settings(), 4);
    store = new PendingTransfers(database, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  static Transfer pending(String id, String taskSid) {
    Instant now = Instant.now();
    return new Transfer(
        id,
        taskSid,
        "KD1",
        "UO1",
        "CH1",
        "WK1",
        "alice",
        "UT1",
        Transfer.TargetType.WORKER,
        "WK2",
        Transfer.Mode.COLD,
        false,
        "a note",
        "sms",
        "{\"a\":1}",
        null,
        Transfer.Status.PENDING,
        null,
        now,
        now);
  }

  @Test
  void onlyOneTransferOfATaskIsInProgressAtATime() {
    String task = "WT" + System.nanoTime();
    assertThat(store.claim(pending("TRa" + System.nanoTime(), task))).isTrue();
    assertThat(store.claim(pending("TRb" + System.nanoTime(), task))).isFalse();
  }

  @Test
  void aFinishedTransferFreesTheTaskForAnother() {
    String task = "WT" + System.nanoTime();
    Transfer first = pending("TRc" + System.nanoTime(), task);
    store.claim(first);
    assertThat(
            store.transition(
                first.id(),
                Transfer.Status.PENDING,
                Transfer.Status.ROLLED_BACK,
                "target_rejected"))
        .isTrue();
    assertThat(store.claim(pending("TRd" + System.nanoTime(), task))).isTrue();
    assertThat(store.find(first.id()).orElseThrow().reason()).isEqualTo("target_rejected");
  }

  @Test
  void aStatusChangeHappensOnceEvenWhenTwoEventsRace() {
    Transfer t = pending("TRe" + System.nanoTime(), "WT" + System.nanoTime());
    store.claim(t);
    store.recordInvite(t.id(), "WTinvite" + t.id(), "UT9");
    assertThat(store.transition(t.id(), Transfer.Status.PENDING, Transfer.Status.COMPLETED, null))
        .isTrue();
    assertThat(
            store.transition(t.id(), Transfer.Status.PENDING, Transfer.Status.ROLLED_BACK, "late"))
        .isFalse();
    Transfer read = store.forInvite("WTinvite" + t.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(Transfer.Status.COMPLETED);
    assertThat(read.fromParticipantSid()).isEqualTo("UT9");
    assertThat(read.taskAttributes()).isEqualTo("{\"a\":1}");
    assertThat(store.inProgressForInvite(read.inviteTaskSid())).isEmpty();
  }
}
