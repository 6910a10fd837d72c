package dev.flexkit.sandbox.flex;

import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * R37 of shared/reference/TWILIO-RULES.md, in a sandbox of its own: its clock jumps half a year,
 * which would time out every other test's tasks.
 */
@ExtendWith(TwilioSandboxExtension.class)
class InteractionChannelTtlRulesTest {
  private final TwilioSandbox twilio;
  private final TwilioHttp http;
  private final InteractionsHttp flex;

  InteractionChannelTtlRulesTest(TwilioSandbox twilio) {
    this.twilio = twilio;
    this.http = new TwilioHttp(twilio);
    this.flex = new InteractionsHttp(twilio, http);
  }

  /**
   * R37 (PARK): a channel is deleted after 180 days without an update of its own, whatever its
   * state, and a later GET is 404. An update (here an invite) restarts the count; messages in its
   * conversation do not.
   */
  @Test
  void r37_aChannelIsDeletedAfter180DaysWithoutAnUpdate() {
    String conversation = flex.conversationWith("+15550137001");
    JsonNode created = flex.interactionOn(conversation);
    flex.settledChannel(created);
    String channel = InteractionsHttp.channelPath(created);
    json(http.post(channel, "Status", "inactive", "Routing", "{\"status\":\"closed\"}"));

    twilio.advance(Duration.ofDays(179));
    json(http.post(channel + "/Invites", "Routing", flex.aliceRouting()));
    twilio.advance(Duration.ofDays(179));
    json(http.post("/conversations/v1/Conversations/" + conversation + "/Messages", "Body", "hi"));
    assertThat(json(http.get(channel)).path("sid").asText()).startsWith("UO");

    twilio.advance(Duration.ofDays(1));
    assertThat(http.get(channel).statusCode()).isEqualTo(404);
    assertThat(
            json(http.get(
                    InteractionsHttp.INTERACTIONS
                        + "/"
                        + created.path("sid").asText()
                        + "/Channels"))
                .path("channels"))
        .isEmpty();
  }
}
