package dev.flexkit.sandbox.taskrouter;

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
 * TaskRouter rules of shared/reference/TWILIO-RULES.md (R40–R46), with a plain HTTP client. Where
 * Twilio documents no HTTP status for a code, the sandbox answers 400 and the test says so.
 */
@ExtendWith(TwilioSandboxExtension.class)
class TaskRulesTest {
  private final TwilioSandbox twilio;
  private final TwilioHttp http;
  private final TaskRouterHttp tr;

  TaskRulesTest(TwilioSandbox twilio) {
    this.twilio = twilio;
    this.http = new TwilioHttp(twilio);
    this.tr = new TaskRouterHttp(twilio);
  }

  /**
   * R40 (OAI-tr CreateTask): TaskChannel defaults to {@code default}; WorkflowSid may be left out
   * only when the workspace has one workflow (the seed has two); Timeout defaults to 86,400 and is
   * at most 1,209,600, and a task that outlives it is canceled with "Task TTL Exceeded". Hyphens in
   * task channel names are not checked: the sandbox has no TaskChannels API.
   */
  @Test
  void r40_taskDefaultsAndTheTwoWeekTimeout() {
    String queue = tr.queue("r40");
    assertError(tr.createTask("TaskQueueSid", "", "Attributes", "{}"), 400, 20001, null);
    String workflow =
        json(http.post(
                tr.ws + "/Workflows",
                "FriendlyName",
                "r40",
                "Configuration",
                "{\"task_routing\":{\"filters\":[],\"default_filter\":{\"queue\":\""
                    + queue
                    + "\"}}}"))
            .path("sid")
            .asText();
    JsonNode task = json(tr.createTask("WorkflowSid", workflow));
    assertThat(task.path("task_channel_unique_name").asText()).isEqualTo("default");
    assertThat(task.path("timeout").asInt()).isEqualTo(86_400);
    assertError(tr.createTask("WorkflowSid", workflow, "Timeout", "1209601"), 400, 20001, null);
    assertThat(
            json(tr.createTask("WorkflowSid", workflow, "Timeout", "1209600"))
                .path("timeout")
                .asInt())
        .isEqualTo(1_209_600);

    String shortLived =
        json(tr.createTask("WorkflowSid", workflow, "Timeout", "60")).path("sid").asText();
    twilio.advance(java.time.Duration.ofSeconds(61));
    JsonNode expired = tr.fetchTask(shortLived);
    assertThat(expired.path("assignment_status").asText()).isEqualTo("canceled");
    assertThat(expired.path("reason").asText()).isEqualTo("Task TTL Exceeded");
  }

  /**
   * R42 (lehel-twilio/plugin-dialpad#26, #31): wrapping up or completing a task that is not
   * assigned is 400 20001 with Twilio's sentence; a task that is gone is 404 20404.
   */
  @Test
  void r42_wrappingATaskThatIsNotAssignedIsRefused() {
    String queue = tr.queue("r42");
    String sid =
        json(tr.createTask("TaskQueueSid", queue, "TaskChannel", "chat")).path("sid").asText();
    String where =
        " in workspace "
            + twilio.taskRouter().workspaceSid()
            + " for account "
            + twilio.accountSid()
            + " because it is not currently assigned.";
    assertError(
        tr.updateTask(sid, "AssignmentStatus", "wrapping"),
        400,
        20001,
        "Cannot wrap up a task " + sid + where);
    assertError(
        tr.updateTask(sid, "AssignmentStatus", "completed"),
        400,
        20001,
        "Cannot complete a task " + sid + where);

    tr.worker("r42");
    JsonNode reservation = tr.reservations(sid).get(0);
    json(
        http.post(
            tr.task(sid) + "/Reservations/" + reservation.path("sid").asText(),
            "ReservationStatus",
            "accepted"));
    assertThat(
            json(tr.updateTask(sid, "AssignmentStatus", "wrapping"))
                .path("assignment_status")
                .asText())
        .isEqualTo("wrapping");
    assertError(
        tr.updateTask(sid, "AssignmentStatus", "wrapping"),
        400,
        20001,
        "Cannot wrap up a task " + sid + where);
    assertThat(
            json(tr.updateTask(sid, "AssignmentStatus", "completed"))
                .path("assignment_status")
                .asText())
        .isEqualTo("completed");

    assertThat(http.delete(tr.task(sid)).statusCode()).isEqualTo(204);
    assertError(tr.updateTask(sid, "AssignmentStatus", "completed"), 404, 20404, null);
  }

  /**
   * R43 (twilio.com/docs/taskrouter/tasks): an If-Match that is not the task's current ETag is 412
   * and changes nothing. Twilio documents no error code for it; the sandbox's is 20001.
   */
  @Test
  void r43_anIfMatchThatIsNotTheCurrentETagIs412() {
    String sid = json(tr.createTask("TaskQueueSid", tr.queue("r43"))).path("sid").asText();
    java.net.http.HttpResponse<String> fetched = http.get(tr.task(sid));
    String etag = fetched.headers().firstValue("ETag").orElseThrow();
    assertError(
        http.withHeader("If-Match", "\"999\"").post(tr.task(sid), "Priority", "5"),
        412,
        20001,
        null);
    assertThat(tr.fetchTask(sid).path("priority").asInt()).isZero();
    java.net.http.HttpResponse<String> updated =
        http.withHeader("If-Match", etag).post(tr.task(sid), "Priority", "5");
    assertThat(json(updated).path("priority").asInt()).isEqualTo(5);
    assertThat(updated.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
  }

  /**
   * R44 (OAI-tr task_reservation_enum_status, CreateWorkflow): TaskReservationTimeout defaults to
   * 120 and is at most 86,400; a reservation moves through Twilio's statuses (pending, rejected,
   * accepted, timeout, …).
   */
  @Test
  void r44_reservationTimeoutLimitsAndReservationStatuses() {
    String queue = tr.queue("r44");
    String configuration =
        "{\"task_routing\":{\"filters\":[],\"default_filter\":{\"queue\":\"" + queue + "\"}}}";
    String workflows = tr.ws + "/Workflows";
    assertError(
        http.post(
            workflows,
            "FriendlyName",
            "r44-long",
            "Configuration",
            configuration,
            "TaskReservationTimeout",
            "86401"),
        400,
        20001,
        null);
    assertThat(
            json(http.post(
                    workflows, "FriendlyName", "r44-default", "Configuration", configuration))
                .path("task_reservation_timeout")
                .asInt())
        .isEqualTo(120);
    assertThat(
            json(http.post(
                    workflows,
                    "FriendlyName",
                    "r44-max",
                    "Configuration",
                    configuration,
                    "TaskReservationTimeout",
                    "86400"))
                .path("task_reservation_timeout")
                .asInt())
        .isEqualTo(86_400);
    String workflow =
        json(http.post(
                workflows,
                "FriendlyName",
                "r44-short",
                "Configuration",
                configuration,
                "TaskReservationTimeout",
                "30"))
            .path("sid")
            .asText();

    String first = tr.worker("r44");
    String task =
        json(tr.createTask("WorkflowSid", workflow, "TaskChannel", "chat")).path("sid").asText();
    JsonNode offered = tr.reservations(task).get(0);
    assertThat(offered.path("reservation_status").asText()).isEqualTo("pending");
    assertThat(offered.path("worker_sid").asText()).isEqualTo(first);
    json(
        http.post(
            tr.task(task) + "/Reservations/" + offered.path("sid").asText(),
            "ReservationStatus",
            "rejected"));

    String second = tr.worker("r44");
    JsonNode again = tr.reservations(task).get(1);
    assertThat(again.path("worker_sid").asText()).isEqualTo(second);
    twilio.advance(java.time.Duration.ofSeconds(31));
    JsonNode all = tr.reservations(task);
    assertThat(all)
        .extracting(r -> r.path("reservation_status").asText())
        .containsExactly("rejected", "timeout");
    for (JsonNode r : all) {
      assertThat(r.path("reservation_status").asText())
          .isIn(
              "pending",
              "accepted",
              "rejected",
              "timeout",
              "canceled",
              "rescinded",
              "wrapping",
              "completed");
    }
  }

  /**
   * R46 (ERR/40152, ERR/40155; OAI-tr CreateTask): a task routed to a worker (RoutingTarget) needs
   * that worker in the workspace (40155) and in the queue (40152), and ignores the worker's
   * capacity unless IgnoreCapacity=false. Twilio documents these codes as Debugger errors without
   * an HTTP status; the sandbox refuses the create with 400.
   */
  @Test
  void r46_aTaskForAKnownWorkerNeedsThemInTheWorkspaceAndQueueAndIgnoresCapacity() {
    assertError(
        tr.createTask("RoutingTarget", "WK" + "0".repeat(32), "TaskChannel", "chat"),
        400,
        40155,
        null);
    assertError(
        tr.createTask(
            "RoutingTarget",
            TaskRouterSeed.BOB_WORKER_SID,
            "TaskQueueSid",
            TaskRouterSeed.SALES_QUEUE_SID,
            "TaskChannel",
            "chat"),
        400,
        40152,
        null);

    String queue = tr.queue("r46");
    String worker = tr.worker("r46");
    json(tr.channel(worker, "chat", "Capacity", "0"));
    JsonNode direct =
        json(tr.createTask("RoutingTarget", worker, "TaskQueueSid", queue, "TaskChannel", "chat"));
    assertThat(direct.path("ignore_capacity").asBoolean()).isTrue();
    assertThat(tr.fetchTask(direct.path("sid").asText()).path("assignment_status").asText())
        .isEqualTo("reserved");
    JsonNode respectful =
        json(
            tr.createTask(
                "RoutingTarget",
                worker,
                "TaskQueueSid",
                queue,
                "TaskChannel",
                "chat",
                "IgnoreCapacity",
                "false"));
    assertThat(respectful.path("ignore_capacity").asBoolean()).isFalse();
    assertThat(tr.fetchTask(respectful.path("sid").asText()).path("assignment_status").asText())
        .isEqualTo("pending");
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
