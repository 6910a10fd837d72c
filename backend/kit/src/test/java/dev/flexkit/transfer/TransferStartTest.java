package dev.flexkit.transfer;

import static dev.flexkit.transfer.TransferBench.ALICE;
import static dev.flexkit.transfer.TransferBench.ALICE_AGENT;
import static dev.flexkit.transfer.TransferBench.BOB;
import static dev.flexkit.transfer.TransferBench.CAROL;
import static dev.flexkit.transfer.TransferBench.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.twilio.TwilioFailures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start saga's order, each of its refusals, and its compensation, with exactly the steps each
 * one ran.
 */
class TransferStartTest extends TransferBenchTest {
  private TransferBench.Chat chat;

  @BeforeEach
  void aliceHoldsAChat() {
    chat = bench.aliceHoldsAChat();
  }

  private Transfer start(Transfer.TargetType type, String target, Transfer.Mode mode) {
    return bench.starts.start(ALICE_AGENT, bench.to(chat, type, target, mode));
  }

  private boolean anyTransferOfTheTask() {
    return bench.store.latestForTask(chat.taskSid()).isPresent();
  }

  @Test
  void aColdTransferChecksEverythingThenInvitesThenLeaves() {
    Transfer t = start(Transfer.TargetType.WORKER, BOB, Transfer.Mode.COLD);

    assertThat(twilio.steps())
        .containsExactly(
            "task", "acceptedBy", "worker", "participants", "invite", "closeParticipant");
    assertThat(twilio.calls().get(5).target()).isEqualTo(chat.aliceParticipantSid());
    assertThat(t.status()).isEqualTo(Transfer.Status.PENDING);
    assertThat(t.inviteTaskSid()).isNotNull();
    assertThat(t.note()).isEqualTo("over to you");
    // R29/R35: an agent is invited through a workflow, in a queue it belongs to.
    assertThat(twilio.invites.get(0))
        .containsEntry("worker_sid", BOB)
        .containsEntry("queue_sid", TransferBench.AGENT_QUEUE)
        .containsEntry("workflow_sid", TransferBench.TRANSFER_WORKFLOW)
        .containsEntry("priority", 5);
    ObjectNode attributes = (ObjectNode) twilio.invites.get(0).get("attributes");
    assertThat(attributes.has("flexInteractionSid")).isFalse();
    assertThat(attributes.has("flexChannelInviteSid")).isFalse();
    assertThat(attributes.path("workerSidsInConversation").toString())
        .isEqualTo("[\"" + ALICE + "\"]");
    assertThat(attributes.path("transferNote").asText()).isEqualTo("over to you");
  }

  @Test
  void aWarmTransferInvitesAndTheAgentStays() {
    Transfer t = start(Transfer.TargetType.QUEUE, SALES, Transfer.Mode.WARM);

    assertThat(twilio.steps())
        .containsExactly("task", "acceptedBy", "queue", "participants", "invite");
    // A queue is reached through the transfer workflow's filters, not a queue_sid of its own.
    assertThat(twilio.invites.get(0))
        .containsEntry("workflow_sid", TransferBench.TRANSFER_WORKFLOW)
        .doesNotContainKey("queue_sid");
    ObjectNode attributes = (ObjectNode) twilio.invites.get(0).get("attributes");
    assertThat(attributes.path("transferTargetType").asText()).isEqualTo("queue");
    assertThat(attributes.path("targetSid").asText()).isEqualTo(SALES);
    assertThat(t.status()).isEqualTo(Transfer.Status.PENDING);
  }

  @Test
  void anAgentWhoDoesNotHoldTheTaskIsRefusedBeforeAnythingChanges() {
    twilio.ownership.clear();

    assertThat(refusal(() -> start(Transfer.TargetType.WORKER, BOB, Transfer.Mode.COLD)))
        .isEqualTo("403 not_task_owner");
    assertThat(twilio.steps()).containsExactly("task", "acceptedBy");
    assertThat(anyTransferOfTheTask()).isFalse();
  }

  @Test
  void aTaskNoLongerAssignedIsNotTheAgentsToTransfer() {
    InteractionSteps.TaskView t = twilio.tasks.get(chat.taskSid());
    twilio.tasks.put(
        t.sid(),
        new InteractionSteps.TaskView(
            t.sid(),
            "wrapping",
            t.taskChannel(),
            t.workflowSid(),
            t.priority(),
            t.timeout(),
            t.attributes()));

    assertThat(refusal(() -> start(Transfer.TargetType.WORKER, BOB, Transfer.Mode.COLD)))
        .isEqualTo("403 not_task_owner");
    assertThat(twilio.steps()).doesNotContain("invite", "closeParticipant");
    assertThat(anyTransferOfTheTask()).isFalse();
  }

  @Test
  void anOfflineTargetIsRefusedBeforeAnythingChanges() {
    assertThat(refusal(() -> start(Transfer.TargetType.WORKER, CAROL, Transfer.Mode.COLD)))
        .isEqualTo("409 target_unavailable");
    // Steps 3 and 4 are read together: the participants are listed, and nothing is written.
    assertThat(twilio.steps()).containsExactly("task", "acceptedBy", "worker", "participants");
    assertThat(anyTransferOfTheTask()).isFalse();
  }

  @Test
  void aTargetWithNoFreeCapacityIsRefused() {
    twilio.workers.put(BOB, new InteractionSteps.WorkerView(BOB, "Bob", "Available", true, 0));
    try {
      assertThat(refusal(() -> start(Transfer.TargetType.WORKER, BOB, Transfer.Mode.COLD)))
          .isEqualTo("409 target_at_capacity");
      assertThat(twilio.steps()).doesNotContain("invite");
    } finally {
      twilio.workers.put(BOB, new InteractionSteps.WorkerView(BOB, "Bob", "Available", true, 2));
    }
  }

  @Test
  void anUnknownTargetIsNotFoundAndNothingChanges() {
    String nobody = "WK" + "d".repeat(32);

    assertThat(refusal(() -> start(Transfer.TargetType.WORKER, nobody, Transfer.Mode.COLD)))
        .isEqualTo("404 target_not_found");
    assertThat(
            refusal(
                () -> start(Transfer.TargetType.QUEUE, "WQ" + "9".repeat(32), Transfer.Mode.COLD)))
        .isEqualTo("404 target_not_found");
    assertThat(twilio.steps()).doesNotContain("invite", "closeParticipant");
    assertThat(anyTransferOfTheTask()).isFalse();
  }

  @Test
  void aQueueWithNobodyAvailableIsRefused() {
    String empty = "WQ" + "3".repeat(32);
    twilio.queues.put(empty, new InteractionSteps.QueueView(empty, "Night shift", 0));

    assertThat(refusal(() -> start(Transfer.TargetType.QUEUE, empty, Transfer.Mode.COLD)))
        .isEqualTo("409 no_available_agents");
    assertThat(twilio.steps()).containsExactly("task", "acceptedBy", "queue", "participants");
  }

  @Test
  void aSecondTransferWhileOneIsPendingIsRefusedBeforeTheTargetIsChecked() {
    Transfer first = start(Transfer.TargetType.WORKER, BOB, Transfer.Mode.WARM);
    twilio.forget();

    assertThat(refusal(() -> start(Transfer.TargetType.QUEUE, SALES, Transfer.Mode.COLD)))
        .isEqualTo("409 transfer_pending");
    assertThat(twilio.steps()).containsExactly("task", "acceptedBy");
    assertThat(bench.store.inProgressForTask(chat.taskSid()).orElseThrow().id())
        .isEqualTo(first.id());
  }

  @Test
  void aTargetAlreadyInTheConversationIsRefused() {
    twilio
        .channels
        .get(chat.channelSid())
        .add(new InteractionSteps.ChannelParticipant("UT" + "b".repeat(32), "agent", null, BOB));

    assertThat(refusal(() -> start(Transfer.TargetType.WORKER, BOB, Transfer.Mode.COLD)))
        .isEqualTo("409 target_already_in_conversation");
    assertThat(twilio.steps()).doesNotContain("invite");
    assertThat(anyTransferOfTheTask()).isFalse();
  }

  @Test
  void aFailedInviteMarksTheTransferFailedAndNothingElseExists() {
    twilio.failNext("invite", TwilioFailures.answered(500, "invite to channel"));

    assertThat(refusal(() -> start(Transfer.TargetType.WORKER, BOB, Transfer.Mode.COLD)))
        .isEqualTo("502 twilio_error");
    assertThat(twilio.steps())
        .containsExactly("task", "acceptedBy", "worker", "participants", "invite");
    Transfer failed = bench.store.latestForTask(chat.taskSid()).orElseThrow();
    assertThat(failed.status()).isEqualTo(Transfer.Status.FAILED);
    assertThat(failed.reason()).startsWith("invite failed: ");
    assertThat(failed.inviteTaskSid()).isNull();
    assertThat(bench.store.inProgressForTask(chat.taskSid())).isEmpty();
  }

  @Test
  void aFailedLeaveCancelsTheInvitesTaskAndTheAgentKeepsTheConversation() {
    twilio.failNext("closeParticipant", TwilioFailures.answered(500, "close channel participant"));

    assertThat(refusal(() -> start(Transfer.TargetType.WORKER, BOB, Transfer.Mode.COLD)))
        .isEqualTo("502 twilio_error");
    assertThat(twilio.steps())
        .containsExactly(
            "task",
            "acceptedBy",
            "worker",
            "participants",
            "invite",
            "closeParticipant",
            "cancelTask");
    Transfer failed = bench.store.latestForTask(chat.taskSid()).orElseThrow();
    assertThat(twilio.calls().get(6).target()).isEqualTo(failed.inviteTaskSid());
    assertThat(twilio.cancelReasons.get(failed.inviteTaskSid()))
        .isEqualTo(TransferLifecycle.OWN_CANCEL + "transfer failed");
    assertThat(failed.status()).isEqualTo(Transfer.Status.FAILED);
    assertThat(failed.reason()).startsWith("could not hand the conversation over: ");
    assertThat(twilio.invites).hasSize(1);
  }

  @Test
  void theTaskIsFreeForAnotherTransferAfterAFailedOne() {
    twilio.failNext("invite", TwilioFailures.answered(500, "invite to channel"));
    refusal(() -> start(Transfer.TargetType.WORKER, BOB, Transfer.Mode.COLD));

    assertThat(start(Transfer.TargetType.WORKER, BOB, Transfer.Mode.COLD).status())
        .isEqualTo(Transfer.Status.PENDING);
  }
}
