package dev.flexkit.sandbox.flex;

import static dev.flexkit.sandbox.junit.TwilioHttp.assertError;
import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * R36 of shared/reference/TWILIO-RULES.md, in a sandbox of its own so that Alice's capacity is free
 * for the one task it routes to her.
 */
@ExtendWith(TwilioSandboxExtension.class)
class InteractionTaskRulesTest {
  private final TwilioHttp http;
  private final InteractionsHttp flex;

  InteractionTaskRulesTest(TwilioSandbox twilio) {
    this.http = new TwilioHttp(twilio);
    this.flex = new InteractionsHttp(twilio, http);
  }

  /**
   * R36 (BP "Do not use Task API directly to cancel or delete a task"; KI): an interaction's task
   * is ended through the Interactions Channels subresource, never deleted or, once an agent has it,
   * canceled through TaskRouter. Twilio documents no code or status for the refusal: 400 20001 is
   * an inference. An invite nobody answered yet may still be withdrawn by canceling its task, as
   * flex-project-template does against real Twilio.
   */
  @Test
  void r36_anInteractionTaskIsNotCanceledOrDeletedThroughTaskRouter() {
    JsonNode created = flex.interactionOn(flex.conversationWith("+15550136001"));
    assertThat(flex.settledChannel(created).path("status").asText()).isEqualTo("active");
    String task = flex.taskPath(flex.firstTaskSid(created));

    assertError(http.delete(task), 400, 20001, null);
    String reservation =
        json(http.get(task + "/Reservations")).path("reservations").get(0).path("sid").asText();
    json(http.post(task + "/Reservations/" + reservation, "ReservationStatus", "accepted"));
    assertThat(json(http.get(task)).path("assignment_status").asText()).isEqualTo("assigned");

    assertError(http.post(task, "AssignmentStatus", "canceled"), 400, 20001, null);
    assertThat(json(http.get(task)).path("assignment_status").asText()).isEqualTo("assigned");

    String invite =
        json(http.post(
                InteractionsHttp.channelPath(created) + "/Invites", "Routing", flex.aliceRouting()))
            .path("routing")
            .path("properties")
            .path("sid")
            .asText();
    JsonNode withdrawn = json(http.post(flex.taskPath(invite), "AssignmentStatus", "canceled"));
    assertThat(withdrawn.path("assignment_status").asText()).isEqualTo("canceled");

    String channel = InteractionsHttp.channelPath(created);
    json(http.post(channel, "Status", "closed", "Routing", "{\"status\":\"closed\"}"));
    assertThat(json(http.get(task)).path("assignment_status").asText()).isEqualTo("completed");
  }
}
