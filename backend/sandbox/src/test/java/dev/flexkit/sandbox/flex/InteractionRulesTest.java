package dev.flexkit.sandbox.flex;

import static dev.flexkit.sandbox.junit.TwilioHttp.assertError;
import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flex Interactions rules of shared/reference/TWILIO-RULES.md (R28–R35, R39), with a plain HTTP
 * client. The seeded workspace has two workflows, so R29's "more than one" holds.
 */
@ExtendWith(TwilioSandboxExtension.class)
class InteractionRulesTest {
  private static final String INTERACTIONS = InteractionsHttp.INTERACTIONS;

  private final TwilioSandbox twilio;
  private final TwilioHttp http;
  private final InteractionsHttp flex;

  InteractionRulesTest(TwilioSandbox twilio) {
    this.twilio = twilio;
    this.http = new TwilioHttp(twilio);
    this.flex = new InteractionsHttp(twilio, http);
  }

  /** R28 (IRES): a 200 only means accepted; the channel is set up after, seen on its GET. */
  @Test
  void r28_createAnswersAtOnceAndTheChannelIsSetUpAfter() {
    String conversation = flex.conversationWith("+15550128001");
    JsonNode created = createInteraction(mediaChannel(conversation), routing(true));
    assertThat(created.path("sid").asText()).startsWith("KD");
    assertThat(created.path("channel").path("sid").asText()).startsWith("UO");
    assertThat(created.path("routing").path("properties").has("sid"))
        .as("no task exists yet when Twilio answers")
        .isFalse();

    JsonNode channel = flex.settledChannel(created);
    assertThat(channel.path("status").asText()).isEqualTo("active");
    JsonNode invites =
        json(http.get(InteractionsHttp.channelPath(created) + "/Invites"))
            .path("invites")
            .get(0)
            .path("routing");
    assertThat(invites.path("properties").path("sid").asText()).startsWith("WT");
  }

  /** R31 (ERR/45354): a set-up failure shows on the channel, not as a 4xx. */
  @Test
  void r31_aSetUpFailureShowsOnTheChannelWithItsErrorCode() {
    String conversation = flex.conversationWith("+15550128002");
    json(http.post("/conversations/v1/Conversations/" + conversation, "State", "closed"));

    JsonNode created = createInteraction(mediaChannel(conversation), routing(true));
    JsonNode channel = flex.settledChannel(created);
    assertThat(channel.path("status").asText()).isEqualTo("failed");
    assertThat(channel.path("error_code").asInt()).isEqualTo(45354);
  }

  /** R32 (KI "Failure to add customer"): a busy customer is silently left out. */
  @Test
  void r32_aCustomerAlreadyInAnOpenConversationIsSilentlyNotAdded() {
    String customer = "+15550128003";
    String elsewhere = flex.conversationWith(customer);

    JsonNode created =
        createInteraction(
            "{\"type\":\"sms\",\"initiated_by\":\"agent\",\"participants\":[{\"address\":\""
                + customer
                + "\",\"proxy_address\":\""
                + twilio.smsNumbers().get(0)
                + "\"}]}",
            routing(true));
    assertThat(flex.settledChannel(created).path("status").asText()).isEqualTo("active");

    String taskConversation = taskConversationSid(created);
    assertThat(taskConversation).isNotEqualTo(elsewhere);
    JsonNode participants =
        json(http.get("/conversations/v1/Conversations/" + taskConversation + "/Participants"))
            .path("participants");
    List<String> addresses = new ArrayList<>();
    participants.forEach(
        p -> addresses.add(p.path("messaging_binding").path("address").asText("")));
    assertThat(addresses).doesNotContain(customer);
  }

  /**
   * A fresh Flex workspace has one workflow ("Assign to Anyone"); a second one, as any integration
   * adds, makes workflow_sid mandatory (R29).
   */
  private void aSecondWorkflow() {
    if (twilio.taskRouter().workflowNames().size() > 1) {
      return;
    }
    String workspace = "/taskrouter/v1/Workspaces/" + twilio.taskRouter().workspaceSid();
    assertThat(
            http.post(
                    workspace + "/Workflows",
                    "FriendlyName",
                    "Another integration's workflow",
                    "Configuration",
                    "{\"task_routing\":{\"filters\":[],\"default_filter\":{\"queue\":\""
                        + TaskRouterSeed.EVERYONE_QUEUE_SID
                        + "\"}}}")
                .statusCode())
        .isEqualTo(201);
  }

  /** R29 (INV request table): workflow_sid is optional only with one workflow. */
  @Test
  void r29_workflowSidIsRequiredWhenTheWorkspaceHasMoreThanOneWorkflow() {
    aSecondWorkflow();
    assertThat(twilio.taskRouter().workflowNames()).hasSizeGreaterThan(1);
    String conversation = flex.conversationWith("+15550128004");
    // The status and code are not documented: 400 20001 like the other routing checks.
    assertError(
        http.post(INTERACTIONS, "Channel", mediaChannel(conversation), "Routing", routing(false)),
        400,
        20001,
        null);
  }

  /** R35 (INV, FPT invite-participant): an invite to a worker names its queue too. */
  @Test
  void r35_anInviteToAWorkerNeedsItsQueueAndAWorkflow() {
    aSecondWorkflow();
    JsonNode created =
        createInteraction(mediaChannel(flex.conversationWith("+15550128005")), routing(true));
    flex.settledChannel(created);
    String invites = InteractionsHttp.channelPath(created) + "/Invites";
    String workspace = twilio.taskRouter().workspaceSid();
    String worker = TaskRouterSeed.BOB_WORKER_SID;
    String workflow = twilio.taskRouter().defaultWorkflowSid();

    assertError(
        http.post(
            invites,
            "Routing",
            "{\"properties\":{\"workspace_sid\":\""
                + workspace
                + "\",\"workflow_sid\":\""
                + workflow
                + "\",\"worker_sid\":\""
                + worker
                + "\",\"task_channel_unique_name\":\"sms\"}}"),
        400,
        20001,
        null);
    assertError(
        http.post(
            invites,
            "Routing",
            "{\"properties\":{\"workspace_sid\":\""
                + workspace
                + "\",\"task_channel_unique_name\":\"sms\"}}"),
        400,
        20001,
        null);
    JsonNode invite =
        json(
            http.post(
                invites,
                "Routing",
                "{\"properties\":{\"workspace_sid\":\""
                    + workspace
                    + "\",\"workflow_sid\":\""
                    + workflow
                    + "\",\"queue_sid\":\""
                    + TaskRouterSeed.EVERYONE_QUEUE_SID
                    + "\",\"worker_sid\":\""
                    + worker
                    + "\",\"task_channel_unique_name\":\"sms\"}}"));
    assertThat(invite.path("routing").path("properties").path("sid").asText()).startsWith("WT");
  }

  /**
   * R39: a fresh Flex workspace's task channels, with no {@code whatsapp}. Routing to a channel the
   * workspace lacks is refused with 400: no source gives Twilio's answer, so that is an inference.
   */
  @Test
  void r39_theWorkspaceHasFlexsTaskChannelsAndRefusesOthers() {
    JsonNode channels =
        json(http.get(
                "/taskrouter/v1/Workspaces/"
                    + twilio.taskRouter().workspaceSid()
                    + "/TaskChannels"))
            .path("channels");
    List<String> names = new ArrayList<>();
    channels.forEach(c -> names.add(c.path("unique_name").asText()));
    assertThat(names).containsExactly("default", "voice", "chat", "sms", "video", "email");

    String conversation = flex.conversationWith("+15550128006");
    assertError(
        http.post(
            INTERACTIONS,
            "Channel",
            mediaChannel(conversation).replace("\"sms\"", "\"whatsapp\""),
            "Routing",
            routing(true).replace("\"sms\"", "\"whatsapp\"")),
        400,
        20001,
        null);
  }

  /**
   * R30 (OAI-flex {@code interaction_channel_enum_type}; OCBM): the channel type is one of the
   * spec's media types, and may differ from the task channel, as real SMS outbound routes on {@code
   * chat}. An unknown type is refused: the status is undocumented, 400 20001 is an inference.
   */
  @Test
  void r30_theChannelTypeIsAMediaTypeAndMayDifferFromTheTaskChannel() {
    String conversation = flex.conversationWith("+15550128007");
    assertError(
        http.post(
            INTERACTIONS,
            "Channel",
            mediaChannel(conversation).replace("\"sms\"", "\"fax\""),
            "Routing",
            routing(true)),
        400,
        20001,
        null);

    JsonNode created =
        createInteraction(mediaChannel(conversation), routing(true).replace("\"sms\"", "\"chat\""));
    JsonNode channel = flex.settledChannel(created);
    assertThat(channel.path("type").asText()).isEqualTo("sms");
    assertThat(channel.path("status").asText()).isEqualTo("active");
    assertThat(task(flex.firstTaskSid(created)).path("task_channel_unique_name").asText())
        .isEqualTo("chat");
  }

  /**
   * R33 (OAI-flex UpdateInteractionChannel; ERR/45358; CHAN): a channel update names its status,
   * closed or inactive, else 45358 (status undocumented: 400); inactive needs {@code Routing}
   * closed; a closed channel leaves its conversation read-only.
   */
  @Test
  void r33_updatingAChannelNeedsAStatus() {
    String conversation = flex.conversationWith("+15550128008");
    JsonNode created = createInteraction(mediaChannel(conversation), routing(true));
    flex.settledChannel(created);
    String channel = InteractionsHttp.channelPath(created);

    assertError(http.post(channel), 400, 45358, null);
    assertError(http.post(channel, "Status", "paused"), 400, 45358, null);
    // The code for a missing Routing is undocumented: 400 20001, like the other parameters.
    assertError(http.post(channel, "Status", "inactive"), 400, 20001, null);
    assertThat(json(http.get(channel)).path("status").asText()).isEqualTo("active");

    assertThat(json(http.post(channel, "Status", "closed")).path("status").asText())
        .isEqualTo("closed");
    String messages = "/conversations/v1/Conversations/" + conversation + "/Messages";
    assertError(http.post(messages, "Body", "anyone?"), 400, 50377, null);
    assertError(
        http.post(
            "/conversations/v1/Conversations/" + conversation + "/Participants",
            "Identity",
            "late@example.com"),
        400,
        50377,
        null);
  }

  /**
   * R34 (OAI-flex {@code interaction_channel_participant_enum_status}): a participant update needs
   * {@code Status} closed or wrapup (missing or other: 400 20001).
   */
  @Test
  void r34_updatingAChannelParticipantNeedsClosedOrWrapup() {
    JsonNode created =
        createInteraction(mediaChannel(flex.conversationWith("+15550128009")), routing(true));
    flex.settledChannel(created);
    JsonNode participants =
        json(http.get(InteractionsHttp.channelPath(created) + "/Participants"))
            .path("participants");
    assertThat(participants).isNotEmpty();
    String participant =
        InteractionsHttp.channelPath(created)
            + "/Participants/"
            + participants.get(0).path("sid").asText();

    assertError(http.post(participant), 400, 20001, null);
    assertError(http.post(participant, "Status", "active"), 400, 20001, null);
    assertThat(json(http.post(participant, "Status", "wrapup")).path("sid").asText())
        .startsWith("UT");
  }

  private static String mediaChannel(String conversationSid) {
    return "{\"type\":\"sms\",\"initiated_by\":\"agent\",\"properties\":{\"media_channel_sid\":\""
        + conversationSid
        + "\"}}";
  }

  private String routing(boolean withWorkflow) {
    return "{\"properties\":{\"workspace_sid\":\""
        + twilio.taskRouter().workspaceSid()
        + "\","
        + (withWorkflow
            ? "\"workflow_sid\":\"" + twilio.taskRouter().defaultWorkflowSid() + "\","
            : "")
        + "\"queue_sid\":\""
        + TaskRouterSeed.EVERYONE_QUEUE_SID
        + "\",\"worker_sid\":\""
        + TaskRouterSeed.ALICE_WORKER_SID
        + "\",\"task_channel_unique_name\":\"sms\",\"attributes\":{\"from\":\"rules\"}}}";
  }

  private JsonNode createInteraction(String channel, String routing) {
    return json(http.post(INTERACTIONS, "Channel", channel, "Routing", routing));
  }

  private JsonNode task(String taskSid) {
    return json(http.get(flex.taskPath(taskSid)));
  }

  private String taskConversationSid(JsonNode interaction) {
    String attributes = task(flex.firstTaskSid(interaction)).path("attributes").asText();
    try {
      return new ObjectMapper().readTree(attributes).path("conversationSid").asText();
    } catch (JsonProcessingException e) {
      throw new AssertionError(attributes, e);
    }
  }
}
