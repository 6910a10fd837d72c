package dev.flexkit.sandbox.taskrouter;

import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Worker rules of shared/reference/TWILIO-RULES.md, with a plain HTTP client. */
@ExtendWith(TwilioSandboxExtension.class)
class WorkerRulesTest {
  private final TaskRouterHttp tr;

  WorkerRulesTest(TwilioSandbox twilio) {
    this.tr = new TaskRouterHttp(twilio);
  }

  /**
   * R45 (OAI-tr UpdateWorkerChannel): a worker channel with Capacity=0, or Available=false, gets no
   * new reservations on that task channel; restoring it lets the waiting task through.
   */
  @Test
  void r45_zeroCapacityOrAnUnavailableChannelGetsNoNewReservations() {
    String queue = tr.queue("r45");
    String worker = tr.worker("r45");

    json(tr.channel(worker, "chat", "Capacity", "0"));
    String first =
        json(tr.createTask("TaskQueueSid", queue, "TaskChannel", "chat")).path("sid").asText();
    assertThat(tr.fetchTask(first).path("assignment_status").asText()).isEqualTo("pending");
    assertThat(tr.reservations(first)).isEmpty();
    json(tr.channel(worker, "chat", "Capacity", "1"));
    assertThat(tr.fetchTask(first).path("assignment_status").asText()).isEqualTo("reserved");
    json(tr.updateTask(first, "AssignmentStatus", "canceled"));

    json(tr.channel(worker, "chat", "Available", "false"));
    String second =
        json(tr.createTask("TaskQueueSid", queue, "TaskChannel", "chat")).path("sid").asText();
    assertThat(tr.fetchTask(second).path("assignment_status").asText()).isEqualTo("pending");
    json(tr.channel(worker, "chat", "Available", "true"));
    assertThat(tr.reservations(second).get(0).path("worker_sid").asText()).isEqualTo(worker);
  }
}
