package dev.flexkit.transfer;

import static dev.flexkit.transfer.TransferBench.ALICE;
import static dev.flexkit.transfer.TransferBench.ALICE_AGENT;
import static dev.flexkit.transfer.TransferBench.BOB;
import static dev.flexkit.transfer.TransferBench.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.twilio.TwilioFailures;
import dev.flexkit.webhooks.TaskRouterEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What TaskRouter's events and the agent's actions do to a pending transfer: each rollback path,
 * step by step.
 */
class TransferLifecycleTest extends TransferBenchTest {
  private static TaskRouterEvent event(String type, String... more) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("EventType", List.of(type));
    for (int i = 0; i < more.length; i += 2) {
      params.put(more[i], List.of(more[i + 1]));
    }
    return new TaskRouterEvent(params);
  }

  private Transfer coldToBob() {
    return bench.pending(Transfer.TargetType.WORKER, BOB, Transfer.Mode.COLD, false);
  }

  private ObjectNode invitedBackWith(int invite) {
    return (ObjectNode) twilio.invites.get(invite).get("attributes");
  }

  @Test
  void aColdTransferRejectedByItsTargetWithdrawsTheInviteAndInvitesTheAgentBack() {
    Transfer t = coldToBob();

    bench.lifecycle.onTaskRouterEvent(
        event("reservation.rejected", "TaskSid", t.inviteTaskSid(), "WorkerSid", BOB));

    assertThat(twilio.steps()).containsExactly("cancelTask", "invite");
    assertThat(twilio.cancelReasons.get(t.inviteTaskSid()))
        .isEqualTo(TransferLifecycle.OWN_CANCEL + "target_rejected");
    assertThat(twilio.invites.get(0)).containsEntry("worker_sid", ALICE);
    assertThat(invitedBackWith(0).path("transferReturned").asBoolean()).isTrue();
    assertThat(invitedBackWith(0).path("transferFailureReason").asText())
        .isEqualTo("target_rejected");
    assertThat(invitedBackWith(0).has("flexInteractionChannelSid")).isFalse();
    assertThat(bench.status(t)).isEqualTo(Transfer.Status.ROLLED_BACK);
  }

  @Test
  void aTimedOutWarmTransferOnlyWithdrawsTheInvite() {
    Transfer t = bench.pending(Transfer.TargetType.WORKER, BOB, Transfer.Mode.WARM, false);

    bench.lifecycle.onTaskRouterEvent(
        event("reservation.timeout", "TaskSid", t.inviteTaskSid(), "WorkerSid", BOB));

    assertThat(twilio.steps()).containsExactly("cancelTask");
    assertEnded(t, Transfer.Status.ROLLED_BACK, "target_timed_out");
  }

  @Test
  void whenTheAgentCannotBeInvitedBackTheConversationGoesThroughItsWorkflow() {
    Transfer t = coldToBob();
    twilio.failNext("invite", TwilioFailures.answered(400, "invite to channel"));

    bench.lifecycle.onTaskRouterEvent(event("reservation.rejected", "TaskSid", t.inviteTaskSid()));

    assertThat(twilio.steps()).containsExactly("cancelTask", "invite", "invite");
    assertThat(twilio.invites.get(0))
        .containsEntry("worker_sid", ALICE)
        .containsEntry("queue_sid", TransferBench.AGENT_QUEUE)
        .containsEntry("workflow_sid", TransferBench.TRANSFER_WORKFLOW);
    assertThat(twilio.invites.get(1))
        .doesNotContainKeys("worker_sid", "queue_sid")
        .containsEntry("workflow_sid", TransferBench.DEFAULT_WORKFLOW);
    assertThat(bench.status(t)).isEqualTo(Transfer.Status.ROLLED_BACK);
  }

  @Test
  void whenNobodyCanBeInvitedAChannelHoldingOnlyTheCustomerIsClosed() {
    Transfer t = coldToBob();
    bench.onlyCustomerLeftIn(t);
    twilio
        .failNext("invite", TwilioFailures.answered(400, "invite to channel"))
        .failNext("invite", TwilioFailures.answered(500, "invite to channel"));

    bench.lifecycle.onTaskRouterEvent(event("reservation.rejected", "TaskSid", t.inviteTaskSid()));

    assertThat(twilio.steps())
        .containsExactly("cancelTask", "invite", "invite", "participants", "closeChannel");
    assertThat(bench.status(t)).isEqualTo(Transfer.Status.ROLLED_BACK);
  }

  @Test
  void aTargetGoingOfflineRollsBackTheirPendingTransfer() {
    String erin = "WK" + "e".repeat(32);
    twilio.workers.put(erin, new InteractionSteps.WorkerView(erin, "Erin", "Available", true, 1));
    Transfer t = bench.pending(Transfer.TargetType.WORKER, erin, Transfer.Mode.COLD, false);
    twilio.workers.put(erin, new InteractionSteps.WorkerView(erin, "Erin", "Offline", false, 0));

    bench.lifecycle.onTaskRouterEvent(event("worker.activity.update", "WorkerSid", erin));

    assertThat(twilio.steps()).containsExactly("worker", "cancelTask", "invite");
    assertEnded(t, Transfer.Status.ROLLED_BACK, "target_offline");
  }

  @Test
  void anInviteCanceledByTaskRouterRollsBackWithoutCancelingAgain() {
    Transfer t = bench.pending(Transfer.TargetType.QUEUE, SALES, Transfer.Mode.COLD, false);

    bench.lifecycle.onTaskRouterEvent(
        event(
            "task.canceled",
            "TaskSid",
            t.inviteTaskSid(),
            "TaskCanceledReason",
            "Task TTL Exceeded"));

    assertThat(twilio.steps()).containsExactly("invite");
    assertEnded(t, Transfer.Status.ROLLED_BACK, "invite_canceled: Task TTL Exceeded");
  }

  @Test
  void ourOwnCancelOfAnInviteIsNotActedOnTwice() {
    Transfer t = coldToBob();

    bench.lifecycle.onTaskRouterEvent(
        event(
            "task.canceled",
            "TaskSid",
            t.inviteTaskSid(),
            "TaskCanceledReason",
            TransferLifecycle.OWN_CANCEL + "target_rejected"));

    assertThat(twilio.steps()).isEmpty();
    assertThat(bench.status(t)).isEqualTo(Transfer.Status.PENDING);
  }

  @Test
  void aRollbackActsOnceWhenItsEventComesTwice() {
    Transfer t = coldToBob();
    TaskRouterEvent rejected = event("reservation.rejected", "TaskSid", t.inviteTaskSid());

    bench.lifecycle.onTaskRouterEvent(rejected);
    bench.lifecycle.onTaskRouterEvent(rejected);

    assertThat(twilio.steps()).containsExactly("cancelTask", "invite");
  }

  @Test
  void theTransferringAgentOfferedTheTaskBackByAQueueHandsTheReservationOn() {
    Transfer t = bench.pending(Transfer.TargetType.QUEUE, SALES, Transfer.Mode.COLD, false);

    bench.lifecycle.onTaskRouterEvent(
        event(
            "reservation.created",
            "TaskSid",
            t.inviteTaskSid(),
            "WorkerSid",
            ALICE,
            "ReservationSid",
            "WR1"));

    assertThat(twilio.calls())
        .containsExactly(new FakeInteractionSteps.Call("rejectReservation", "WR1"));
    assertThat(bench.status(t)).isEqualTo(Transfer.Status.PENDING);
  }

  @Test
  void anAcceptedColdTransferIsCompleteWithNoFurtherStep() {
    Transfer t = coldToBob();

    bench.lifecycle.onTaskRouterEvent(
        event("reservation.accepted", "TaskSid", t.inviteTaskSid(), "WorkerSid", BOB));

    assertThat(twilio.steps()).isEmpty();
    assertThat(bench.status(t)).isEqualTo(Transfer.Status.COMPLETED);
  }

  @Test
  void aWarmTransferSetToLeaveOnAcceptLeavesAndClosesAChannelWithOnlyTheCustomer() {
    Transfer t = bench.pending(Transfer.TargetType.WORKER, BOB, Transfer.Mode.WARM, true);
    bench.onlyCustomerLeftIn(t);

    bench.lifecycle.onTaskRouterEvent(
        event("reservation.accepted", "TaskSid", t.inviteTaskSid(), "WorkerSid", BOB));

    assertThat(twilio.steps()).containsExactly("closeParticipant", "participants", "closeChannel");
    assertThat(bench.status(t)).isEqualTo(Transfer.Status.COMPLETED);
  }

  @Test
  void aWarmTransferWaitsForItsAgentToCompleteIt() {
    Transfer t = bench.pending(Transfer.TargetType.WORKER, BOB, Transfer.Mode.WARM, false);
    bench.lifecycle.onTaskRouterEvent(
        event("reservation.accepted", "TaskSid", t.inviteTaskSid(), "WorkerSid", BOB));
    assertThat(twilio.steps()).isEmpty();
    assertThat(bench.status(t)).isEqualTo(Transfer.Status.ACCEPTED);

    Transfer done = bench.actions.complete(ALICE_AGENT, t.id());

    assertThat(twilio.calls().get(0))
        .isEqualTo(new FakeInteractionSteps.Call("closeParticipant", t.fromParticipantSid()));
    assertThat(twilio.steps()).containsExactly("closeParticipant", "participants");
    assertThat(done.status()).isEqualTo(Transfer.Status.COMPLETED);
  }

  @Test
  void theAgentCancelingAColdTransferWithdrawsTheInviteAndIsInvitedBack() {
    Transfer t = coldToBob();

    Transfer canceled = bench.actions.cancel(ALICE_AGENT, t.id());

    assertThat(twilio.steps()).containsExactly("cancelTask", "invite");
    assertThat(twilio.cancelReasons.get(t.inviteTaskSid()))
        .isEqualTo(TransferLifecycle.OWN_CANCEL + "canceled by alice");
    assertThat(twilio.invites.get(0)).containsEntry("worker_sid", ALICE);
    assertThat(canceled.status()).isEqualTo(Transfer.Status.CANCELED);
  }

  @Test
  void aCancelAfterTheTargetAnsweredIsRefusedAndChangesNothing() {
    Transfer t = coldToBob();
    twilio.failNext("cancelTask", TwilioFailures.answered(400, "cancel invite task"));

    assertThat(refusal(() -> bench.actions.cancel(ALICE_AGENT, t.id())))
        .isEqualTo("409 not_pending");
    assertThat(twilio.steps()).containsExactly("cancelTask");
    assertThat(bench.status(t)).isEqualTo(Transfer.Status.PENDING);
  }

  @Test
  void pollingCatchesUpWithAnInviteCanceledWhileTheWebhookWasLost() {
    Transfer t = coldToBob();
    twilio.tasks.put(
        t.inviteTaskSid(),
        new InteractionSteps.TaskView(
            t.inviteTaskSid(),
            "canceled",
            "sms",
            null,
            null,
            null,
            new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()));

    Transfer polled = bench.actions.status(ALICE_AGENT, t.id());

    assertThat(twilio.steps()).containsExactly("task", "invite");
    assertThat(polled.status()).isEqualTo(Transfer.Status.ROLLED_BACK);
    assertThat(polled.reason()).isEqualTo("invite_canceled");
  }

  @Test
  void anotherAgentsTransferIsNotFound() {
    Transfer t = coldToBob();
    var bob =
        new dev.flexkit.auth.FlexAgent("bob", BOB, List.of("agent"), "US2", java.time.Instant.MAX);

    assertThat(refusal(() -> bench.actions.cancel(bob, t.id()))).isEqualTo("404 not_found");
    assertThat(twilio.steps()).isEmpty();
  }
}
