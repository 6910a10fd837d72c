package dev.flexkit.transfer;

import static dev.flexkit.transfer.TransferBench.ALICE;
import static dev.flexkit.transfer.TransferBench.ALICE_AGENT;
import static dev.flexkit.transfer.TransferBench.BOB;
import static dev.flexkit.transfer.TransferBench.SALES;
import static dev.flexkit.transfer.TransferBenchTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The edge of a transfer: each refusal, in the order documented, and the typed transfer that
 * passes.
 */
class TransferValidationTest {
  private static final String TASK = "WT" + "0".repeat(32);

  private static String refused(TransferRequest request) {
    return refusal(() -> TransferValidation.validate(ALICE_AGENT, request));
  }

  @Test
  void aValidRequestBecomesATypedTransfer() {
    ValidTransfer t =
        TransferValidation.validate(
            ALICE_AGENT, new TransferRequest(TASK, "queue", SALES, "warm", "  vip ", true));

    assertThat(t)
        .isEqualTo(
            new ValidTransfer(
                TASK, Transfer.TargetType.QUEUE, SALES, Transfer.Mode.WARM, "vip", true));
  }

  @Test
  void modeDefaultsToColdAndABlankNoteToNone() {
    ValidTransfer t =
        TransferValidation.validate(
            ALICE_AGENT, new TransferRequest(TASK, "worker", BOB, null, " ", null));

    assertThat(t)
        .isEqualTo(
            new ValidTransfer(
                TASK, Transfer.TargetType.WORKER, BOB, Transfer.Mode.COLD, null, false));
  }

  @Test
  void eachFaultIsRefusedInOrder() {
    assertThat(refusal(() -> TransferValidation.validate(ALICE_AGENT, null)))
        .isEqualTo("400 invalid_request");
    assertThat(refused(new TransferRequest("WT1", "pigeon", "x", "hot", null, null)))
        .isEqualTo("400 invalid_request");
    assertThat(refused(new TransferRequest(TASK, "worker", SALES, "cold", null, null)))
        .isEqualTo("400 invalid_request");
    assertThat(refused(new TransferRequest(TASK, "worker", BOB, "hot", null, null)))
        .isEqualTo("400 invalid_request");
    assertThat(refused(new TransferRequest(TASK, "worker", BOB, "cold", "x".repeat(1001), null)))
        .isEqualTo("400 invalid_request");
    assertThat(refused(new TransferRequest(TASK, "worker", ALICE, "cold", null, null)))
        .isEqualTo("409 target_is_self");
  }

  @Test
  void theFieldAtFaultIsNamed() {
    assertThat(field(new TransferRequest("WT1", "pigeon", "x", "hot", null, null)))
        .isEqualTo("taskSid");
    assertThat(field(new TransferRequest(TASK, "pigeon", "x", "hot", null, null)))
        .isEqualTo("targetType");
    assertThat(field(new TransferRequest(TASK, "queue", BOB, "hot", null, null)))
        .isEqualTo("targetSid");
    assertThat(field(new TransferRequest(TASK, "queue", SALES, "hot", null, null)))
        .isEqualTo("mode");
    assertThat(field(new TransferRequest(TASK, "queue", SALES, "cold", "x".repeat(1001), null)))
        .isEqualTo("note");
  }

  private static String field(TransferRequest request) {
    try {
      TransferValidation.validate(ALICE_AGENT, request);
      throw new AssertionError("accepted " + request);
    } catch (dev.flexkit.web.ApiException e) {
      return e.toError().error().field();
    }
  }
}
