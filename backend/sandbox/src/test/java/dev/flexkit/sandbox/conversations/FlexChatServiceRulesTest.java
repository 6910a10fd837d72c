package dev.flexkit.sandbox.conversations;

import static dev.flexkit.sandbox.junit.TwilioHttp.assertError;
import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** R27 of shared/reference/TWILIO-RULES.md, with a plain HTTP client. */
@ExtendWith(TwilioSandboxExtension.class)
class FlexChatServiceRulesTest {
  private final TwilioHttp http;

  FlexChatServiceRulesTest(TwilioSandbox twilio) {
    this.http = new TwilioHttp(twilio);
  }

  /**
   * R27 (BP; FPT #489): Flex uses only "Flex Chat Service", and it is the account's default
   * Conversations service: the one Flex's configuration names and the one conversations are in.
   */
  @Test
  void r27_theFlexChatServiceIsTheDefaultConversationsService() {
    String flexService =
        json(http.get("/flex-api/v1/Configuration")).path("chat_service_instance_sid").asText();
    assertThat(flexService).startsWith("IS");

    JsonNode configuration = json(http.get("/conversations/v1/Configuration"));
    assertThat(configuration.path("default_chat_service_sid").asText()).isEqualTo(flexService);

    JsonNode services = json(http.get("/conversations/v1/Services")).path("services");
    assertThat(services).hasSize(1);
    assertThat(services.get(0).path("sid").asText()).isEqualTo(flexService);
    assertThat(services.get(0).path("friendly_name").asText()).isEqualTo("Flex Chat Service");
    assertThat(json(http.get("/conversations/v1/Services/" + flexService)).path("sid").asText())
        .isEqualTo(flexService);
    assertError(http.get("/conversations/v1/Services/IS" + "0".repeat(32)), 404, 20404, null);

    JsonNode conversation = json(http.post("/conversations/v1/Conversations"));
    assertThat(conversation.path("chat_service_sid").asText()).isEqualTo(flexService);
  }
}
