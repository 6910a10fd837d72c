package dev.flexkit.sandbox.flex;

import static dev.flexkit.sandbox.junit.TwilioHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import java.time.Duration;
import java.time.Instant;

/**
 * The Flex Interactions calls the rule tests share, made with the plain HTTP client: an SMS
 * interaction routed to a known worker on an existing conversation, and its channel once set up.
 */
final class InteractionsHttp {
  static final String INTERACTIONS = "/flex-api/v1/Interactions";

  private final TwilioSandbox twilio;
  private final TwilioHttp http;

  InteractionsHttp(TwilioSandbox twilio, TwilioHttp http) {
    this.twilio = twilio;
    this.http = http;
  }

  /** A conversation holding this SMS customer. */
  String conversationWith(String customer) {
    String sid =
        json(http.post("/conversations/v1/Conversations", "FriendlyName", customer))
            .path("sid")
            .asText();
    json(
        http.post(
            "/conversations/v1/Conversations/" + sid + "/Participants",
            "MessagingBinding.Address",
            customer,
            "MessagingBinding.ProxyAddress",
            twilio.smsNumbers().get(0)));
    return sid;
  }

  /** An agent-initiated SMS interaction on the conversation, for Alice in the Everyone queue. */
  JsonNode interactionOn(String conversationSid) {
    String channel =
        "{\"type\":\"sms\",\"initiated_by\":\"agent\",\"properties\":{\"media_channel_sid\":\""
            + conversationSid
            + "\"}}";
    return json(http.post(INTERACTIONS, "Channel", channel, "Routing", aliceRouting()));
  }

  String aliceRouting() {
    return "{\"properties\":{\"workspace_sid\":\""
        + twilio.taskRouter().workspaceSid()
        + "\",\"workflow_sid\":\""
        + twilio.taskRouter().defaultWorkflowSid()
        + "\",\"queue_sid\":\""
        + TaskRouterSeed.EVERYONE_QUEUE_SID
        + "\",\"worker_sid\":\""
        + TaskRouterSeed.ALICE_WORKER_SID
        + "\",\"task_channel_unique_name\":\"sms\",\"attributes\":{\"from\":\"rules\"}}}";
  }

  static String channelPath(JsonNode interaction) {
    return INTERACTIONS
        + "/"
        + interaction.path("sid").asText()
        + "/Channels/"
        + interaction.path("channel").path("sid").asText();
  }

  /** The channel once its set-up ran: polled, since Twilio gives no other signal (R28). */
  JsonNode settledChannel(JsonNode interaction) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
    while (true) {
      JsonNode channel = json(http.get(channelPath(interaction)));
      if (!channel.path("status").asText().equals("setup") || Instant.now().isAfter(deadline)) {
        return channel;
      }
      Thread.onSpinWait();
    }
  }

  /** The task of the channel's first invite, the one the interaction routed. */
  String firstTaskSid(JsonNode interaction) {
    return json(http.get(channelPath(interaction) + "/Invites"))
        .path("invites")
        .get(0)
        .path("routing")
        .path("properties")
        .path("sid")
        .asText();
  }

  String taskPath(String taskSid) {
    return "/taskrouter/v1/Workspaces/" + twilio.taskRouter().workspaceSid() + "/Tasks/" + taskSid;
  }
}
