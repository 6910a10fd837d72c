package dev.flexkit.sandbox.flex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.flexapi.v1.Configuration;
import com.twilio.rest.flexapi.v1.Interaction;
import com.twilio.rest.flexapi.v1.interaction.InteractionChannel;
import com.twilio.rest.flexapi.v1.interaction.interactionchannel.InteractionChannelInvite;
import com.twilio.rest.flexapi.v1.interaction.interactionchannel.InteractionChannelParticipant;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import dev.flexkit.twilio.TwilioClients;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flex Interactions as an agent desktop and Flex's back end use them, with twilio-java. */
class FlexInteractionsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WS = TaskRouterSeed.WORKSPACE_SID;
  static final String ALICE = TaskRouterSeed.ALICE_WORKER_SID;
  static final String BOB = TaskRouterSeed.BOB_WORKER_SID;
  static RunningKit kit;
  static SandboxWorld world;
  static TwilioRestClient twilio;
  static FakeConversations conversations = new FakeConversations();
  static int customer;

  @BeforeAll
  static void start() {
    kit = RunningKit.start();
    world = kit.sandbox();
    world.connectFlexToConversations(conversations);
    twilio =
        TwilioClients.emulated(
                kit.url("/twilio"), world.account().accountSid(), world.account().authToken())
            .client();
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  @BeforeEach
  void agentsAvailableAndIdle() {
    for (Task t :
        Task.reader(WS)
            .setAssignmentStatus(List.of("pending", "reserved", "assigned", "wrapping"))
            .read(twilio)) {
      if (t.getAssignmentStatus() == Task.Status.PENDING
          || t.getAssignmentStatus() == Task.Status.RESERVED) {
        Task.updater(WS, t.getSid()).setAssignmentStatus(Task.Status.CANCELED).update(twilio);
      } else {
        Task.updater(WS, t.getSid()).setAssignmentStatus(Task.Status.COMPLETED).update(twilio);
      }
    }
    Worker.updater(WS, ALICE).setActivitySid(TaskRouterSeed.AVAILABLE_ACTIVITY_SID).update(twilio);
    Worker.updater(WS, BOB).setActivitySid(TaskRouterSeed.OFFLINE_ACTIVITY_SID).update(twilio);
  }

  static String nextCustomer() {
    return "+1555010" + String.format("%04d", ++customer);
  }

  static Interaction agentInitiated(String workerSid, String address) {
    Map<String, Object> channel =
        Map.of(
            "type",
            "sms",
            "initiated_by",
            "agent",
            "participants",
            List.of(Map.of("address", address, "proxy_address", "+15550009999")));
    Map<String, Object> routing =
        Map.of(
            "properties",
            Map.of(
                "workspace_sid",
                WS,
                "workflow_sid",
                TaskRouterSeed.ASSIGN_TO_ANYONE_WORKFLOW_SID,
                "queue_sid",
                TaskRouterSeed.EVERYONE_QUEUE_SID,
                "worker_sid",
                workerSid,
                "task_channel_unique_name",
                "sms",
                "attributes",
                Map.of("customerName", "Customer", "customerAddress", address, "from", address)));
    return Interaction.creator(channel).setRouting(routing).create(twilio);
  }

  /**
   * The task Flex answered the interaction's first invite with. Flex sets the task up after
   * answering the create (R28), so this waits for the channel to leave {@code setup}.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Interaction i) {
    Instant deadline = Instant.now().plusSeconds(5);
    while (true) {
      for (InteractionChannelInvite invite :
          InteractionChannelInvite.reader(i.getSid(), channelSid(i)).read(twilio)) {
        return (Map<String, Object>) ((Map<String, Object>) invite.getRouting()).get("properties");
      }
      assertThat(Instant.now()).as("the interaction's task is set up").isBefore(deadline);
    }
  }

  static JsonNode taskAttributes(String taskSid) throws Exception {
    return JSON.readTree(Task.fetcher(WS, taskSid).fetch(twilio).getAttributes());
  }

  static Reservation pendingReservation(String taskSid) {
    return StreamSupport.stream(Reservation.reader(WS, taskSid).read(twilio).spliterator(), false)
        .filter(r -> r.getReservationStatus() == Reservation.Status.PENDING)
        .findFirst()
        .orElseThrow();
  }

  static String channelSid(Interaction i) {
    return (String) ((Map<?, ?>) i.getChannel()).get("sid");
  }

  @Test
  void anAgentInitiatedInteractionIsReservedForThatAgentAndJoinsThemOnAccept() throws Exception {
    Interaction interaction = agentInitiated(ALICE, nextCustomer());
    assertThat(interaction.getSid()).startsWith("KD");
    assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) interaction.getChannel()).keySet()))
        .containsExactlyInAnyOrder("type", "sid");
    assertThat(((Map<?, ?>) interaction.getChannel()).get("type")).isEqualTo("sms");
    Map<String, Object> task = properties(interaction);
    assertThat(task)
        .containsEntry("assignment_status", "pending")
        .containsEntry("queue_name", "Everyone")
        .containsEntry("workflow_name", "Assign to Anyone")
        .containsEntry("task_channel_unique_name", "sms")
        .containsKeys("assignmentCounter", "addons", "age_in_queue");
    assertThat(task.get("date_created")).isInstanceOf(Number.class);
    assertThat(task.get("attributes")).isInstanceOf(String.class);

    String taskSid = (String) task.get("sid");
    JsonNode attributes = taskAttributes(taskSid);
    String conversation = attributes.path("conversationSid").asText();
    assertThat(conversation).startsWith("CH");
    assertThat(attributes.path("flexInteractionSid").asText()).isEqualTo(interaction.getSid());
    assertThat(attributes.path("flexInteractionChannelSid").asText())
        .isEqualTo(channelSid(interaction));
    assertThat(attributes.path("flexChannelInviteSid").asText()).startsWith("KG");
    assertThat(attributes.path("initiatedBy").asText()).isEqualTo("agent");
    assertThat(attributes.path("direction").asText()).isEqualTo("outbound");
    assertThat(attributes.path("channelType").asText()).isEqualTo("sms");
    assertThat(attributes.at("/conversations/media/0/sid").asText()).isEqualTo(conversation);
    assertThat(attributes.at("/customers/name").asText()).isEqualTo("Customer");

    HttpResponse<String> workers =
        kit.send(HttpRequest.newBuilder(kit.url("/sandbox/api/workers")).build());
    JsonNode alice =
        StreamSupport.stream(JSON.readTree(workers.body()).path("workers").spliterator(), false)
            .filter(w -> w.path("sid").asText().equals(ALICE))
            .findFirst()
            .orElseThrow();
    assertThat(alice.path("activity").asText()).isEqualTo("Available");
    JsonNode offered = alice.path("reservations").get(0);
    assertThat(offered.path("taskSid").asText()).isEqualTo(taskSid);
    assertThat(offered.path("status").asText()).isEqualTo("pending");

    HttpResponse<String> accepted =
        kit.send(
            HttpRequest.newBuilder(
                    kit.url(
                        "/sandbox/api/reservations/" + offered.path("sid").asText() + "/accept"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(accepted.body()).path("status").asText()).isEqualTo("accepted");
    assertThat(Task.fetcher(WS, taskSid).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.ASSIGNED);
    assertThat(conversations.identities(conversation)).containsExactly("alice_40example_2Ecom");

    List<InteractionChannelParticipant> participants =
        StreamSupport.stream(
                InteractionChannelParticipant.reader(interaction.getSid(), channelSid(interaction))
                    .read(twilio)
                    .spliterator(),
                false)
            .toList();
    assertThat(participants)
        .extracting(InteractionChannelParticipant::getType)
        .containsExactly(
            InteractionChannelParticipant.Type.CUSTOMER, InteractionChannelParticipant.Type.AGENT);
    Map<?, ?> routing = (Map<?, ?>) participants.get(1).getRoutingProperties();
    assertThat(routing.get("task_sid")).isEqualTo(taskSid);
    assertThat(routing.get("worker_sid")).isEqualTo(ALICE);
    assertThat(routing.get("reservation_sid")).isEqualTo(offered.path("sid").asText());
    assertThat(participants.get(0).getRoutingProperties()).isNull();
  }

  @Test
  void aDeclinedWorkerTargetedInteractionCancelsItsTaskAndLeavesTheConversationOpen() {
    Interaction interaction = agentInitiated(ALICE, nextCustomer());
    String taskSid = (String) properties(interaction).get("sid");
    Reservation r = pendingReservation(taskSid);
    Reservation.updater(WS, taskSid, r.getSid())
        .setReservationStatus(Reservation.Status.REJECTED)
        .update(twilio);
    assertThat(Task.fetcher(WS, taskSid).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.CANCELED);
    assertThat(
            InteractionChannel.fetcher(interaction.getSid(), channelSid(interaction))
                .fetch(twilio)
                .getStatus())
        .isEqualTo(InteractionChannel.ChannelStatus.ACTIVE);
  }

  @Test
  void participantWrapupWrapsTheTaskAndClosedRemovesTheAgentAndCompletesIt() throws Exception {
    Interaction interaction = agentInitiated(ALICE, nextCustomer());
    String taskSid = (String) properties(interaction).get("sid");
    String conversation = taskAttributes(taskSid).path("conversationSid").asText();
    Reservation r = pendingReservation(taskSid);
    Reservation.updater(WS, taskSid, r.getSid())
        .setReservationStatus(Reservation.Status.ACCEPTED)
        .update(twilio);
    String agent =
        StreamSupport.stream(
                InteractionChannelParticipant.reader(interaction.getSid(), channelSid(interaction))
                    .read(twilio)
                    .spliterator(),
                false)
            .filter(p -> p.getType() == InteractionChannelParticipant.Type.AGENT)
            .findFirst()
            .orElseThrow()
            .getSid();

    InteractionChannelParticipant.updater(
            interaction.getSid(),
            channelSid(interaction),
            agent,
            InteractionChannelParticipant.Status.WRAPUP)
        .update(twilio);
    assertThat(Task.fetcher(WS, taskSid).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.WRAPPING);
    assertThat(Reservation.fetcher(WS, taskSid, r.getSid()).fetch(twilio).getReservationStatus())
        .isEqualTo(Reservation.Status.WRAPPING);
    assertThat(conversations.identities(conversation)).contains("alice_40example_2Ecom");

    InteractionChannelParticipant.updater(
            interaction.getSid(),
            channelSid(interaction),
            agent,
            InteractionChannelParticipant.Status.CLOSED)
        .update(twilio);
    assertThat(Task.fetcher(WS, taskSid).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.COMPLETED);
    assertThat(conversations.identities(conversation)).isEmpty();
    assertThat(conversations.state(conversation)).contains("active");
    assertThat(
            InteractionChannel.fetcher(interaction.getSid(), channelSid(interaction))
                .fetch(twilio)
                .getStatus())
        .isEqualTo(InteractionChannel.ChannelStatus.ACTIVE);
  }

  @Test
  void closingTheChannelWithoutRoutingStatusWrapsTasksAndClosesTheConversation() throws Exception {
    Interaction interaction = agentInitiated(ALICE, nextCustomer());
    String taskSid = (String) properties(interaction).get("sid");
    String conversation = taskAttributes(taskSid).path("conversationSid").asText();
    Reservation.updater(WS, taskSid, pendingReservation(taskSid).getSid())
        .setReservationStatus(Reservation.Status.ACCEPTED)
        .update(twilio);

    InteractionChannel closed =
        InteractionChannel.updater(
                interaction.getSid(),
                channelSid(interaction),
                InteractionChannel.UpdateChannelStatus.CLOSED)
            .update(twilio);
    assertThat(closed.getStatus()).isEqualTo(InteractionChannel.ChannelStatus.CLOSED);
    assertThat(Task.fetcher(WS, taskSid).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.WRAPPING);
    assertThat(conversations.state(conversation)).contains("closed");
  }

  @Test
  void closingTheChannelWithRoutingClosedCompletesTasks() {
    Interaction interaction = agentInitiated(ALICE, nextCustomer());
    String taskSid = (String) properties(interaction).get("sid");
    Reservation.updater(WS, taskSid, pendingReservation(taskSid).getSid())
        .setReservationStatus(Reservation.Status.ACCEPTED)
        .update(twilio);
    InteractionChannel.updater(
            interaction.getSid(),
            channelSid(interaction),
            InteractionChannel.UpdateChannelStatus.CLOSED)
        .setRouting(Map.of("status", "closed"))
        .update(twilio);
    assertThat(Task.fetcher(WS, taskSid).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.COMPLETED);
  }

  @Test
  void anInactiveChannelGetsANewTaskWhenTheCustomerWritesAgain() throws Exception {
    String address = nextCustomer();
    Interaction interaction = agentInitiated(ALICE, address);
    String taskSid = (String) properties(interaction).get("sid");
    String conversation = taskAttributes(taskSid).path("conversationSid").asText();
    Reservation.updater(WS, taskSid, pendingReservation(taskSid).getSid())
        .setReservationStatus(Reservation.Status.ACCEPTED)
        .update(twilio);

    assertThatThrownBy(
            () ->
                InteractionChannel.updater(
                        interaction.getSid(),
                        channelSid(interaction),
                        InteractionChannel.UpdateChannelStatus.INACTIVE)
                    .update(twilio))
        .isInstanceOf(ApiException.class);
    InteractionChannel.updater(
            interaction.getSid(),
            channelSid(interaction),
            InteractionChannel.UpdateChannelStatus.INACTIVE)
        .setRouting(Map.of("status", "closed"))
        .update(twilio);
    assertThat(Task.fetcher(WS, taskSid).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.COMPLETED);
    assertThat(conversations.state(conversation)).contains("inactive");
    assertThat(conversations.identities(conversation)).isEmpty();

    assertThat(conversations.customerWrites(address, "+15550009999")).isEqualTo(conversation);
    assertThat(
            InteractionChannel.fetcher(interaction.getSid(), channelSid(interaction))
                .fetch(twilio)
                .getStatus())
        .isEqualTo(InteractionChannel.ChannelStatus.ACTIVE);
    List<Task> fresh =
        StreamSupport.stream(
                Task.reader(WS)
                    .setEvaluateTaskAttributes("conversationSid == '" + conversation + "'")
                    .setAssignmentStatus("reserved")
                    .read(twilio)
                    .spliterator(),
                false)
            .toList();
    assertThat(fresh).hasSize(1);
    assertThat(fresh.get(0).getSid()).isNotEqualTo(taskSid);
  }

  @Test
  void anInviteCreatesANewTaskOnTheSameConversationWithoutTheOldAttributes() throws Exception {
    Interaction interaction = agentInitiated(ALICE, nextCustomer());
    String firstTask = (String) properties(interaction).get("sid");
    String conversation = taskAttributes(firstTask).path("conversationSid").asText();
    Worker.updater(WS, BOB).setActivitySid(TaskRouterSeed.AVAILABLE_ACTIVITY_SID).update(twilio);

    InteractionChannelInvite invite =
        InteractionChannelInvite.creator(
                interaction.getSid(),
                channelSid(interaction),
                Map.of(
                    "properties",
                    Map.of(
                        "workspace_sid",
                        WS,
                        "workflow_sid",
                        TaskRouterSeed.ASSIGN_TO_ANYONE_WORKFLOW_SID,
                        "queue_sid",
                        TaskRouterSeed.EVERYONE_QUEUE_SID,
                        "worker_sid",
                        BOB,
                        "task_channel_unique_name",
                        "sms",
                        "attributes",
                        Map.of("transferTargetType", "worker"))))
            .create(twilio);
    assertThat(invite.getSid()).startsWith("KG");
    @SuppressWarnings("unchecked")
    Map<String, Object> props =
        (Map<String, Object>) ((Map<String, Object>) invite.getRouting()).get("properties");
    String newTask = (String) props.get("sid");
    assertThat(newTask).isNotEqualTo(firstTask);

    JsonNode attributes = taskAttributes(newTask);
    assertThat(attributes.path("conversationSid").asText()).isEqualTo(conversation);
    assertThat(attributes.path("flexChannelInviteSid").asText()).isEqualTo(invite.getSid());
    assertThat(attributes.path("transferTargetType").asText()).isEqualTo("worker");
    assertThat(attributes.has("customerName")).isFalse();
    assertThat(attributes.has("initiatedBy")).isFalse();
    assertThat(pendingReservation(newTask).getWorkerSid()).isEqualTo(BOB);

    List<InteractionChannelInvite> invites =
        StreamSupport.stream(
                InteractionChannelInvite.reader(interaction.getSid(), channelSid(interaction))
                    .read(twilio)
                    .spliterator(),
                false)
            .toList();
    assertThat(invites).hasSize(2);
  }

  @Test
  void aCustomerTextingANumberGetsAnInboundInteractionRoutedByTheDefaultWorkflow()
      throws Exception {
    String address = nextCustomer();
    String conversation = conversations.customerWrites(address, "+15550009999");
    List<Task> tasks =
        StreamSupport.stream(
                Task.reader(WS)
                    .setEvaluateTaskAttributes("conversationSid == '" + conversation + "'")
                    .read(twilio)
                    .spliterator(),
                false)
            .toList();
    assertThat(tasks).hasSize(1);
    // A list carries no attributes (R41); the fetched task has them.
    JsonNode attributes =
        JSON.readTree(Task.fetcher(WS, tasks.get(0).getSid()).fetch(twilio).getAttributes());
    assertThat(attributes.path("initiatedBy").asText()).isEqualTo("customer");
    assertThat(attributes.path("direction").asText()).isEqualTo("inbound");
    assertThat(attributes.path("customerAddress").asText()).isEqualTo(address);
    assertThat(tasks.get(0).getWorkflowFriendlyName()).isEqualTo("Assign to Anyone");
    assertThat(tasks.get(0).getAssignmentStatus()).isEqualTo(Task.Status.RESERVED);
  }

  @Test
  void interactionsOnAClosedConversationOrUnknownSidsAreRefused() throws Exception {
    String address = nextCustomer();
    Interaction interaction = agentInitiated(ALICE, address);
    String conversation = (String) ((Map<?, ?>) ((Map<?, ?>) properties(interaction))).get("sid");
    assertThat(conversation).startsWith("WT");
    assertThatThrownBy(
            () -> Interaction.fetcher("KD00000000000000000000000000000000").fetch(twilio))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20404));
    assertThatThrownBy(
            () ->
                InteractionChannel.fetcher(
                        interaction.getSid(), "UO00000000000000000000000000000000")
                    .fetch(twilio))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20404));
    // R32: the customer is busy in the first interaction's conversation, so the second one is
    // accepted and set up without them.
    Interaction second = agentInitiated(ALICE, address);
    String secondConversation =
        taskAttributes((String) properties(second).get("sid")).path("conversationSid").asText();
    assertThat(secondConversation).startsWith("CH");
    assertThat(conversations.customers(secondConversation)).isEmpty();
    assertThat(Interaction.fetcher(interaction.getSid()).fetch(twilio).getSid())
        .isEqualTo(interaction.getSid());
  }

  @Test
  void flexConfigurationUiAttributesAreMergedOnUpdate() {
    Configuration before = Configuration.fetcher().fetch(twilio);
    assertThat(before.getTaskrouterWorkspaceSid()).isEqualTo(WS);
    Configuration.updater()
        .setBody(
            Map.of(
                "account_sid",
                world.account().accountSid(),
                "ui_attributes",
                Map.of("inactivity", Map.of("warnAfterMinutes", 5))))
        .update(twilio);
    Configuration.updater()
        .setBody(Map.of("ui_attributes", Map.of("transfer", Map.of("enabled", true))))
        .update(twilio);
    Map<?, ?> ui = (Map<?, ?>) Configuration.fetcher().fetch(twilio).getUiAttributes();
    assertThat(new java.util.ArrayList<Object>(ui.keySet())).contains("inactivity", "transfer");
  }
}
