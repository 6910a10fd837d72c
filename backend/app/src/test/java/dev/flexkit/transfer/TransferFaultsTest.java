package dev.flexkit.transfer;

import static dev.flexkit.transfer.TransferWorld.BOB;
import static dev.flexkit.transfer.TransferWorld.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.sandbox.traffic.CallLog;
import dev.flexkit.twilio.TwilioGatewayTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Twilio step of a cold and a warm transfer, failed in turn. The steps are measured from the
 * call log of a clean transfer, so a step added later is covered without touching this test.
 */
class TransferFaultsTest {
  private static final String ALICE_ID = "alice_40example_2Ecom";
  private static final String ALICE_IN_CHAT = "alice_40example_2Ecom";
  private static final String SID = "[A-Z]{2}[0-9a-f]{32}";

  @TestFactory
  Stream<DynamicTest> coldTransferSurvivesAFailureAtEveryStep() throws Exception {
    return faultAtEveryStep("cold");
  }

  @TestFactory
  Stream<DynamicTest> warmTransferSurvivesAFailureAtEveryStep() throws Exception {
    return faultAtEveryStep("warm");
  }

  private Stream<DynamicTest> faultAtEveryStep(String mode) throws Exception {
    List<String> steps = new ArrayList<>();
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      w.token(ALICE_ID);
      w.settle();
      w.kit.sandbox().calls().clear();
      HttpResponse<String> r = w.transfer(ALICE_ID, "worker", BOB, mode);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      for (CallLog.Call c : TwilioGatewayTest.settledCalls(w.kit)) {
        if (!c.path().startsWith("/iam/")) {
          steps.add(c.method() + " " + c.path().replaceAll(SID, SID));
        }
      }
    }
    System.out.println("transfer." + mode + ".roundTrips=" + steps.size() + " " + steps);
    assertThat(steps).isNotEmpty();
    return steps.stream()
        .distinct()
        .map(step -> DynamicTest.dynamicTest(mode + " fails at " + step, () -> failAt(mode, step)));
  }

  private void failAt(String mode, String step) throws Exception {
    try (TransferWorld w = new TransferWorld().aliceHoldsTheChat()) {
      w.token(ALICE_ID);
      // Persistent, so the gateway's retries of reads fail too.
      w.kit
          .sandbox()
          .faults()
          .add(
              new dev.flexkit.sandbox.traffic.Faults.Rule(
                  step, dev.flexkit.sandbox.traffic.Faults.Kind.STATUS, 500, 0, 1, 50, 1));
      HttpResponse<String> r = w.transfer(ALICE_ID, "worker", BOB, mode);
      w.kit.sandbox().faults().clear();
      w.settle();
      assertThat(r.statusCode()).as(r.body()).isGreaterThanOrEqualTo(500);
      assertThat(JSON.readTree(r.body()).path("error").path("code").asText()).isNotEmpty();

      // The customer still has their agent, who still owns the task; no second task exists.
      assertThat(w.conversationState()).isEqualTo("active");
      assertThat(w.agentsInConversation()).containsExactly(ALICE_IN_CHAT);
      assertThat(w.taskStatus(w.taskSid)).isEqualTo("assigned");
      assertThat(w.liveTasks()).isEqualTo(1);
      assertThat(w.reservations(BOB)).isEmpty();

      // Nothing is left pending: the agent can try again at once, and it works.
      HttpResponse<String> again = w.transfer(ALICE_ID, "worker", BOB, mode);
      assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    }
  }
}
