package dev.flexkit.sandbox.taskrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.twilio.TwilioClients;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workflows decide where a task goes: filters, targets, known agents, the default filter and
 * timeouts.
 */
class WorkflowRoutingTest {
  static final String WS = TaskRouterSeed.WORKSPACE_SID;
  static RunningKit kit;
  static TwilioRestClient twilio;
  static SandboxWorld world;
  static String spanish;
  static String english;
  static String overflow;
  static String ana;
  static String ben;
  static String cleo;

  @BeforeAll
  static void start() {
    kit = RunningKit.start();
    world = kit.sandbox();
    twilio =
        TwilioClients.emulated(
                kit.url("/twilio"), world.account().accountSid(), world.account().authToken())
            .client();
    // Seeded agents go offline so only this test's workers are routed to.
    for (String seeded : List.of(TaskRouterSeed.ALICE_WORKER_SID, TaskRouterSeed.BOB_WORKER_SID)) {
      Worker.updater(WS, seeded).setActivitySid(TaskRouterSeed.OFFLINE_ACTIVITY_SID).update(twilio);
    }
    spanish =
        TaskQueue.creator(WS, "Spanish")
            .setTargetWorkers("languages HAS 'es'")
            .create(twilio)
            .getSid();
    english =
        TaskQueue.creator(WS, "English")
            .setTargetWorkers("languages HAS 'en'")
            .create(twilio)
            .getSid();
    overflow =
        TaskQueue.creator(WS, "Overflow")
            .setTargetWorkers("team == 'routing'")
            .create(twilio)
            .getSid();
    ana = worker("ana@example.com", "{\"team\":\"routing\",\"languages\":[\"es\"],\"level\":1}");
    ben = worker("ben@example.com", "{\"team\":\"routing\",\"languages\":[\"en\"],\"level\":5}");
    cleo =
        worker(
            "cleo@example.com", "{\"team\":\"routing\",\"languages\":[\"en\",\"es\"],\"level\":3}");
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  static String worker(String name, String attributes) {
    return Worker.creator(WS, name)
        .setAttributes(attributes)
        .setActivitySid(TaskRouterSeed.OFFLINE_ACTIVITY_SID)
        .create(twilio)
        .getSid();
  }

  static void available(String... workers) {
    for (String w : List.of(ana, ben, cleo)) {
      boolean on = List.of(workers).contains(w);
      Worker.updater(WS, w)
          .setActivitySid(
              on ? TaskRouterSeed.AVAILABLE_ACTIVITY_SID : TaskRouterSeed.OFFLINE_ACTIVITY_SID)
          .update(twilio);
    }
  }

  static String workflow(String name, String configuration) {
    return Workflow.creator(WS, name, configuration).create(twilio).getSid();
  }

  static List<Reservation> reservations(String task) {
    return StreamSupport.stream(Reservation.reader(WS, task).read(twilio).spliterator(), false)
        .toList();
  }

  static Task task(String workflow, String attributes) {
    return Task.creator(WS)
        .setWorkflowSid(workflow)
        .setAttributes(attributes)
        .setTaskChannel("chat")
        .create(twilio);
  }

  static void finish(Task t) {
    Task now = Task.fetcher(WS, t.getSid()).fetch(twilio);
    if (now.getAssignmentStatus() == Task.Status.PENDING
        || now.getAssignmentStatus() == Task.Status.RESERVED) {
      Task.updater(WS, t.getSid()).setAssignmentStatus(Task.Status.CANCELED).update(twilio);
    }
  }

  @Test
  void theFirstMatchingFilterWinsAndTheDefaultFilterTakesTheRest() {
    available(ana, ben);
    String flow =
        workflow(
            "Language",
            """
        {"task_routing":{"filters":[
          {"filter_friendly_name":"Spanish","expression":"language == 'es'","targets":[{"queue":"%s"}]},
          {"filter_friendly_name":"Also Spanish","expression":"language IN ['es','pt']","targets":[{"queue":"%s"}]}],
         "default_filter":{"queue":"%s"}}}"""
                .formatted(spanish, english, english));
    Task es = task(flow, "{\"language\":\"es\"}");
    Task other = task(flow, "{\"language\":\"de\"}");
    assertThat(es.getTaskQueueFriendlyName()).isEqualTo("Spanish");
    assertThat(reservations(es.getSid()).get(0).getWorkerSid()).isEqualTo(ana);
    assertThat(other.getTaskQueueFriendlyName()).isEqualTo("English");
    assertThat(reservations(other.getSid()).get(0).getWorkerSid()).isEqualTo(ben);
    finish(es);
    finish(other);
  }

  @Test
  void aTargetExpressionFiltersWorkersWithTaskAndWorkerPrefixes() {
    available(ana, ben, cleo);
    String flow =
        workflow(
            "Senior",
            """
        {"task_routing":{"filters":[{"filter_friendly_name":"Senior","expression":"1==1",
          "targets":[{"queue":"%s","expression":"worker.level >= task.minimumLevel"}]}]}}"""
                .formatted(overflow));
    Task t = task(flow, "{\"minimumLevel\":4}");
    assertThat(reservations(t.getSid()).get(0).getWorkerSid()).isEqualTo(ben);
    finish(t);
  }

  @Test
  void orderByPicksTheHighestLevelFirst() {
    available(ana, ben, cleo);
    String flow =
        workflow(
            "Ordered",
            """
        {"task_routing":{"filters":[{"filter_friendly_name":"All","expression":"1==1",
          "targets":[{"queue":"%s","order_by":"worker.level DESC"}]}]}}"""
                .formatted(overflow));
    Task t = task(flow, "{}");
    assertThat(reservations(t.getSid()).get(0).getWorkerSid()).isEqualTo(ben);
    finish(t);
  }

  @Test
  void aKnownWorkerTargetOffersOnlyThatWorkerThenFallsBackWhenItsTimeoutPasses() {
    available(ana, cleo);
    Worker.updater(WS, ben).setActivitySid(TaskRouterSeed.OFFLINE_ACTIVITY_SID).update(twilio);
    String flow =
        workflow(
            "Known",
            """
        {"task_routing":{"filters":[{"filter_friendly_name":"Known","expression":"KnownAgentRoutingFlag == true",
          "targets":[{"queue":"%1$s","known_worker_sid":"task.KnownAgentWorkerSid","timeout":60},{"queue":"%1$s"}]}],
         "default_filter":{"queue":"%1$s"}}}"""
                .formatted(overflow));
    Task t = task(flow, "{\"KnownAgentRoutingFlag\":true,\"KnownAgentWorkerSid\":\"" + ben + "\"}");
    assertThat(Task.fetcher(WS, t.getSid()).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.PENDING);

    world.clock().advance(Duration.ofSeconds(61));
    List<Reservation> offered = reservations(t.getSid());
    assertThat(offered).hasSize(1);
    assertThat(offered.get(0).getWorkerSid()).isIn(ana, cleo);
    finish(t);
  }

  @Test
  void aKnownAgentFilterRoutesToTheNamedAgent() {
    available(ana, ben, cleo);
    String flow =
        workflow(
            "Known agent",
            """
        {"task_routing":{"filters":[{"filter_friendly_name":"Known agent",
          "expression":"KnownAgentRoutingFlag == true OR KnownAgentRoutingFlag == 'true'",
          "targets":[{"queue":"%1$s","known_worker_sid":"task.KnownAgentWorkerSid","timeout":300},
                     {"queue":"%1$s"}]}],
          "default_filter":{"queue":"%1$s"}}}"""
                .formatted(overflow));
    Task t =
        task(flow, "{\"KnownAgentRoutingFlag\":\"true\",\"KnownAgentWorkerSid\":\"" + cleo + "\"}");
    assertThat(reservations(t.getSid()).get(0).getWorkerSid()).isEqualTo(cleo);
    finish(t);
  }

  @Test
  void aKnownWorkerByFriendlyNameIsHonoured() {
    available(ana, ben, cleo);
    String flow =
        workflow(
            "Known by name",
            """
        {"task_routing":{"filters":[{"filter_friendly_name":"Known","expression":"1==1",
          "targets":[{"queue":"%s","known_worker_friendly_name":"task.agent"}]}]}}"""
                .formatted(overflow));
    Task t = task(flow, "{\"agent\":\"cleo@example.com\"}");
    assertThat(reservations(t.getSid()).get(0).getWorkerSid()).isEqualTo(cleo);
    finish(t);
  }

  @Test
  void aTaskPastItsLastTargetTimeoutIsCanceled() {
    available();
    String flow =
        workflow(
            "Short",
            """
        {"task_routing":{"filters":[{"filter_friendly_name":"Short","expression":"1==1",
          "targets":[{"queue":"%s","timeout":"30"}]}]}}"""
                .formatted(overflow));
    Task t = task(flow, "{}");
    world.clock().advance(Duration.ofSeconds(31));
    Task canceled = Task.fetcher(WS, t.getSid()).fetch(twilio);
    assertThat(canceled.getAssignmentStatus()).isEqualTo(Task.Status.CANCELED);
    assertThat(canceled.getReason()).contains("Workflow timeout");
  }

  @Test
  void skipIfMovesOnWhenNobodyInTheQueueIsAvailable() {
    available(ben);
    String flow =
        workflow(
            "Skip",
            """
        {"task_routing":{"filters":[{"filter_friendly_name":"Skip","expression":"1==1",
          "targets":[{"queue":"%s","skip_if":"workers.available == 0"},{"queue":"%s"}]}]}}"""
                .formatted(spanish, english));
    Task t = task(flow, "{}");
    assertThat(reservations(t.getSid()).get(0).getWorkerSid()).isEqualTo(ben);
    finish(t);
  }

  @Test
  void anInvalidConfigurationIsRefused() {
    assertThatThrownBy(
            () ->
                workflow(
                    "Broken",
                    "{\"task_routing\":{\"filters\":[{\"expression\":\"a ==\",\"targets\":[{\"queue\":\""
                        + english
                        + "\"}]}]}}"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    assertThatThrownBy(
            () ->
                workflow(
                    "Unknown queue",
                    "{\"task_routing\":{\"default_filter\":{\"queue\":\"WQ00000000000000000000000000000000\"}}}"))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> workflow("Not JSON", "nope")).isInstanceOf(ApiException.class);
  }

  @Test
  void updatingAWorkflowWithReEvaluateTasksReroutesPendingTasks() {
    available(ana);
    String flow =
        workflow(
            "Reroute", "{\"task_routing\":{\"default_filter\":{\"queue\":\"" + english + "\"}}}");
    Task t = task(flow, "{}");
    assertThat(Task.fetcher(WS, t.getSid()).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.PENDING);
    Workflow updated =
        Workflow.updater(WS, flow)
            .setConfiguration(
                "{\"task_routing\":{\"default_filter\":{\"queue\":\"" + spanish + "\"}}}")
            .setReEvaluateTasks("true")
            .setTaskReservationTimeout(30)
            .update(twilio);
    assertThat(updated.getTaskReservationTimeout()).isEqualTo(30);
    assertThat(reservations(t.getSid()).get(0).getWorkerSid()).isEqualTo(ana);
    finish(t);
  }
}
