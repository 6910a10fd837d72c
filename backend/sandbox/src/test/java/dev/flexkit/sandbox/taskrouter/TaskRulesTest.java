package dev.flexkit.sandbox.taskrouter;

import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TaskRouter rules of shared/reference/TWILIO-RULES.md, with a plain HTTP client. */
@ExtendWith(TwilioSandboxExtension.class)
class TaskRulesTest {
  private final TwilioSandbox twilio;
  private final TwilioHttp http;

  TaskRulesTest(TwilioSandbox twilio) {
    this.twilio = twilio;
    this.http = new TwilioHttp(twilio);
  }

  @Test
  void r41_aTaskListCarriesNoAttributesOnlyAFetchDoes() {
    String tasks = "/taskrouter/v1/Workspaces/" + twilio.taskRouter().workspaceSid() + "/Tasks";
    String sid =
        json(http.post(
                tasks,
                "Attributes",
                "{\"conversationSid\":\"CH00000000000000000000000000000041\"}",
                "WorkflowSid",
                twilio.taskRouter().defaultWorkflowSid(),
                "TaskChannel",
                "chat"))
            .path("sid")
            .asText();

    JsonNode listed =
        json(http.get(
                tasks
                    + "?EvaluateTaskAttributes="
                    + java.net.URLEncoder.encode(
                        "conversationSid == \"CH00000000000000000000000000000041\"",
                        java.nio.charset.StandardCharsets.UTF_8)))
            .path("tasks");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("sid").asText()).isEqualTo(sid);
    assertThat(listed.get(0).has("attributes")).isTrue();
    assertThat(listed.get(0).path("attributes").isNull()).as("attributes in a list").isTrue();

    assertThat(json(http.get(tasks + "/" + sid)).path("attributes").asText())
        .contains("CH00000000000000000000000000000041");
  }
}
