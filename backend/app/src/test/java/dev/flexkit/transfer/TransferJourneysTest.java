package dev.flexkit.transfer;

import static dev.flexkit.transfer.TransferWorld.ALICE;
import static dev.flexkit.transfer.TransferWorld.ANYONE_WORKFLOW;
import static dev.flexkit.transfer.TransferWorld.BOB;
import static dev.flexkit.transfer.TransferWorld.CAROL;
import static dev.flexkit.transfer.TransferWorld.EVERYONE;
import static dev.flexkit.transfer.TransferWorld.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransferJourneysTest {
  private static final String ALICE_ID = "alice_40example_2Ecom";
  private static final String BOB_ID = "bob_40example_2Ecom";
  private static final String ALICE_IN_CHAT = "alice_40example_2Ecom";
  private static final String BOB_IN_CHAT = "bob_40example_2Ecom";

  private static JsonNode body(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void coldTransferToAnAgentHandsTheChatOverWhenTheyAccept() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      HttpResponse<String> r = w.transfer(ALICE_ID, "worker", BOB, "cold");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      JsonNode t = body(r);
      assertThat(t.path("status").asText()).isEqualTo("pending");
      w.settle();
      // The invite exists before Alice leaves; Alice's own task is done, the customer is still
      // connected.
      assertThat(w.agentsInConversation()).doesNotContain(ALICE_IN_CHAT);
      assertThat(w.taskStatus(w.taskSid)).isEqualTo("completed");
      assertThat(w.conversationState()).isEqualTo("active");
      String attributes = w.inviteAttributes(t.path("inviteTaskSid").asText());
      assertThat(attributes)
          .contains(
              "\"transferTargetType\":\"worker\"",
              "\"targetSid\":\"" + BOB + "\"",
              "\"ignoreAgent\":\"" + ALICE_IN_CHAT + "\"",
              "\"transferNote\":\"Customer asks about a refund\"",
              "\"workerSidsInConversation\":[\"" + ALICE + "\"]",
              "conversation_id",
              "\"customerAddress\":\"" + w.customer + "\"");

      w.answer(BOB, true);
      assertThat(w.agentsInConversation()).containsExactly(BOB_IN_CHAT);
      assertThat(w.transferStatus(ALICE_ID, t.path("transferId").asText()).path("status").asText())
          .isEqualTo("completed");
      assertThat(w.liveTasks()).isEqualTo(1);
    }
  }

  @Test
  void coldTransferToAQueueNeedsNoWorkflowFilterPerQueue() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      HttpResponse<String> r = w.transfer(ALICE_ID, "queue", EVERYONE, "cold");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      w.settle();
      w.answer(BOB, true);
      assertThat(w.agentsInConversation()).containsExactly(BOB_IN_CHAT);
      assertThat(
              w.transferStatus(ALICE_ID, body(r).path("transferId").asText())
                  .path("status")
                  .asText())
          .isEqualTo("completed");
    }
  }

  @Test
  void coldTransferToAWorkflowRoutesThroughIt() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      HttpResponse<String> r = w.transfer(ALICE_ID, "workflow", ANYONE_WORKFLOW, "cold");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      w.settle();
      w.answer(BOB, true);
      assertThat(w.agentsInConversation()).containsExactly(BOB_IN_CHAT);
      assertThat(w.liveTasks()).isEqualTo(1);
    }
  }

  @Test
  void warmTransferKeepsBothAgentsUntilTheOriginalLeaves() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      HttpResponse<String> r = w.transfer(ALICE_ID, "worker", BOB, "warm");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      String id = body(r).path("transferId").asText();
      w.settle();
      assertThat(w.agentsInConversation()).containsExactly(ALICE_IN_CHAT);
      HttpResponse<String> early =
          w.post("/api/transfers/" + id + "/complete", w.token(ALICE_ID), Map.of());
      assertThat(early.statusCode()).isEqualTo(409);

      w.answer(BOB, true);
      assertThat(w.agentsInConversation()).containsExactlyInAnyOrder(ALICE_IN_CHAT, BOB_IN_CHAT);
      assertThat(w.transferStatus(ALICE_ID, id).path("status").asText()).isEqualTo("accepted");

      HttpResponse<String> leave =
          w.post("/api/transfers/" + id + "/complete", w.token(ALICE_ID), Map.of());
      assertThat(leave.statusCode()).as(leave.body()).isEqualTo(200);
      w.settle();
      assertThat(body(leave).path("status").asText()).isEqualTo("completed");
      assertThat(w.agentsInConversation()).containsExactly(BOB_IN_CHAT);
      assertThat(w.conversationState()).isEqualTo("active");
    }
  }

  @Test
  void aChatTransferredOnDoesNotCarryTheEarlierNote() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      String invite =
          body(w.transfer(ALICE_ID, "worker", BOB, "cold")).path("inviteTaskSid").asText();
      w.settle();
      w.answer(BOB, true);

      // Bob passes it back to Alice without a note: she must not read Alice's own note as Bob's.
      String attributes =
          w.inviteAttributes(
              w.transferWithoutNote(BOB_ID, invite, ALICE).path("inviteTaskSid").asText());
      assertThat(attributes)
          .contains(
              "\"ignoreAgent\":\"" + BOB_IN_CHAT + "\"",
              "\"transferredFromTaskSid\":\"" + invite + "\"")
          .doesNotContain("transferNote");
    }
  }

  @Test
  void aChatTransferredAgainAfterARollbackDoesNotCarryTheEarlierOutcome() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      String first = body(w.transfer(ALICE_ID, "worker", BOB, "cold")).path("transferId").asText();
      w.settle();
      w.answer(BOB, false);
      String returned = w.pendingReservation(ALICE).taskSid();
      assertThat(w.inviteAttributes(returned))
          .contains("\"transferReturned\":true", "target_rejected");
      w.answer(ALICE, true);

      String attributes =
          w.inviteAttributes(
              w.transferWithoutNote(ALICE_ID, returned, BOB).path("inviteTaskSid").asText());
      assertThat(attributes)
          .contains("\"transferredFromTaskSid\":\"" + returned + "\"")
          .doesNotContain("transferReturned", "transferFailureReason", first);
    }
  }

  @Test
  void aTransferWhoseEventsWereLostCatchesUpWhenPolled() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      String id = body(w.transfer(ALICE_ID, "worker", BOB, "warm")).path("transferId").asText();
      w.settle();
      w.loseTaskRouterEvents();
      w.answer(BOB, true);
      assertThat(w.transferStatus(ALICE_ID, id).path("status").asText()).isEqualTo("accepted");
      HttpResponse<String> leave =
          w.post("/api/transfers/" + id + "/complete", w.token(ALICE_ID), Map.of());
      assertThat(leave.statusCode()).as(leave.body()).isEqualTo(200);
      assertThat(w.agentsInConversation()).containsExactly(BOB_IN_CHAT);
    }
  }

  @Test
  void rejectedColdTransferGivesTheChatBackToTheOriginalAgent() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      String id = body(w.transfer(ALICE_ID, "worker", BOB, "cold")).path("transferId").asText();
      w.settle();
      w.answer(BOB, false);
      JsonNode t = w.transferStatus(ALICE_ID, id);
      assertThat(t.path("status").asText()).isEqualTo("rolled_back");
      assertThat(t.path("reason").asText()).isEqualTo("target_rejected");
      // Alice is offered the chat back, and takes it; nobody else holds it.
      w.answer(ALICE, true);
      assertThat(w.agentsInConversation()).containsExactly(ALICE_IN_CHAT);
      assertThat(w.conversationState()).isEqualTo("active");
      assertThat(w.liveTasks()).isEqualTo(1);
    }
  }

  @Test
  void rejectedWarmTransferLeavesTheOriginalAgentInPlace() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      String id = body(w.transfer(ALICE_ID, "worker", BOB, "warm")).path("transferId").asText();
      w.settle();
      w.answer(BOB, false);
      assertThat(w.transferStatus(ALICE_ID, id).path("status").asText()).isEqualTo("rolled_back");
      assertThat(w.agentsInConversation()).containsExactly(ALICE_IN_CHAT);
      assertThat(w.taskStatus(w.taskSid)).isEqualTo("assigned");
      assertThat(w.liveTasks()).isEqualTo(1);
    }
  }

  @Test
  void unansweredTransferTimesOutAndRollsBack() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      String id = body(w.transfer(ALICE_ID, "worker", BOB, "warm")).path("transferId").asText();
      w.settle();
      w.kit.sandbox().clock().advance(java.time.Duration.ofMinutes(10));
      w.settle();
      JsonNode t = w.transferStatus(ALICE_ID, id);
      assertThat(t.path("status").asText()).isEqualTo("rolled_back");
      assertThat(t.path("reason").asText()).isIn("target_timed_out", "target_offline");
      assertThat(w.agentsInConversation()).containsExactly(ALICE_IN_CHAT);
    }
  }

  @Test
  void targetGoingOfflineRollsThePendingTransferBack() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      String id = body(w.transfer(ALICE_ID, "worker", BOB, "warm")).path("transferId").asText();
      w.settle();
      w.taskRouter().setActivity(BOB, "Offline");
      w.settle();
      JsonNode t = w.transferStatus(ALICE_ID, id);
      assertThat(t.path("status").asText()).isEqualTo("rolled_back");
      assertThat(t.path("reason").asText()).isEqualTo("target_offline");
      assertThat(w.liveTasks()).isEqualTo(1);
    }
  }

  @Test
  void offlineTargetIsRefusedBeforeAnythingChanges() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      w.kit.sandbox().calls().clear();
      HttpResponse<String> r = w.transfer(ALICE_ID, "worker", CAROL, "cold");
      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(body(r).path("error").path("code").asText()).isEqualTo("target_unavailable");
      assertThat(w.kit.sandbox().calls().all())
          .filteredOn(c -> !c.path().startsWith("/iam/"))
          .allSatisfy(c -> assertThat(c.method()).as(c.path()).isEqualTo("GET"));
      assertThat(w.agentsInConversation()).containsExactly(ALICE_IN_CHAT);
    }
  }

  @Test
  void pendingWarmTransferCanBeCanceled() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      JsonNode started = body(w.transfer(ALICE_ID, "worker", BOB, "warm"));
      w.settle();
      HttpResponse<String> r =
          w.delete("/api/transfers/" + started.path("transferId").asText(), w.token(ALICE_ID));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(body(r).path("status").asText()).isEqualTo("canceled");
      w.settle();
      assertThat(w.taskStatus(started.path("inviteTaskSid").asText())).isEqualTo("canceled");
      assertThat(w.agentsInConversation()).containsExactly(ALICE_IN_CHAT);
      assertThat(w.liveTasks()).isEqualTo(1);
    }
  }

  @Test
  void aSecondTransferWhileOneIsPendingIsRefused() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      assertThat(w.transfer(ALICE_ID, "worker", BOB, "warm").statusCode()).isEqualTo(201);
      HttpResponse<String> second = w.transfer(ALICE_ID, "queue", EVERYONE, "cold");
      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(body(second).path("error").path("code").asText()).isEqualTo("transfer_pending");
    }
  }

  @Test
  void onlyTheAgentHoldingTheTaskCanTransferIt() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      HttpResponse<String> r = w.transfer(BOB_ID, "queue", EVERYONE, "cold");
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(w.agentsInConversation()).containsExactly(ALICE_IN_CHAT);
    }
  }

  @Test
  void badRequestsNameTheFieldAndChangeNothing() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      w.kit.sandbox().calls().clear();
      for (var bad :
          Map.of(
                  "targetType",
                  Map.of("taskSid", w.taskSid, "targetType", "team", "targetSid", BOB),
                  "targetSid",
                  Map.of("taskSid", w.taskSid, "targetType", "queue", "targetSid", BOB),
                  "taskSid",
                  Map.of("taskSid", "nope", "targetType", "worker", "targetSid", BOB),
                  "mode",
                  Map.of(
                      "taskSid",
                      w.taskSid,
                      "targetType",
                      "worker",
                      "targetSid",
                      BOB,
                      "mode",
                      "lukewarm"))
              .entrySet()) {
        HttpResponse<String> r = w.post("/api/transfers", w.token(ALICE_ID), bad.getValue());
        assertThat(r.statusCode()).as(bad.getKey()).isEqualTo(400);
        assertThat(body(r).path("error").path("field").asText()).isEqualTo(bad.getKey());
      }
      assertThat(w.kit.sandbox().calls().all()).noneMatch(c -> c.path().contains("/Workspaces/"));
    }
  }

  @Test
  void directoryShowsAvailabilityCapacityAndQueueStaffing() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      JsonNode workers =
          body(
              w.kit.get(
                  "/api/transfer/targets?type=worker&taskSid=" + w.taskSid,
                  "Authorization",
                  "Bearer " + w.token(ALICE_ID)));
      assertThat(workers.path("taskChannel").asText()).isEqualTo("sms");
      assertThat(workers.path("targets").findValuesAsText("sid"))
          .containsExactlyInAnyOrder(BOB, CAROL);
      JsonNode bob =
          workers.path("targets").get(0).path("sid").asText().equals(BOB)
              ? workers.path("targets").get(0)
              : workers.path("targets").get(1);
      assertThat(bob.path("available").asBoolean()).isTrue();
      assertThat(bob.path("freeCapacity").asInt()).isEqualTo(3);
      JsonNode queues =
          body(
              w.kit.get(
                  "/api/transfer/targets?type=queue&q=every",
                  "Authorization",
                  "Bearer " + w.token(ALICE_ID)));
      assertThat(queues.path("targets")).hasSize(1);
      assertThat(queues.path("targets").get(0).path("availableWorkers").asLong()).isEqualTo(1);
      JsonNode flows = body(w.post("/get-workflows", w.token(ALICE_ID), Map.of()));
      assertThat(flows.path("workflows").findValuesAsText("sid")).contains(ANYONE_WORKFLOW);
    }
  }

  @Test
  void referencePluginsTransferChatStillWorksAndTrustsTheTokenNotTheBody() throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      HttpResponse<String> r =
          w.post(
              "/transfer-chat",
              null,
              Map.of(
                  "Token",
                  w.token(ALICE_ID),
                  "taskSid",
                  w.taskSid,
                  "targetSid",
                  BOB,
                  "workerName",
                  "mallory@example.com"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      String invite = body(r).path("taskSid").asText();
      assertThat(w.inviteAttributes(invite))
          .contains("\"ignoreAgent\":\"" + ALICE_IN_CHAT + "\"")
          .doesNotContain("mallory");
    }
  }
}
