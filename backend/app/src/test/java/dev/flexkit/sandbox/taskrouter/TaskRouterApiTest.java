package dev.flexkit.sandbox.taskrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskChannel;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkerChannel;
import com.twilio.security.RequestValidator;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.twilio.TwilioClients;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TaskRouter REST surface read and written with twilio-java, including paging and event
 * callbacks.
 */
class TaskRouterApiTest {
  static final String WS = TaskRouterSeed.WORKSPACE_SID;
  static RunningKit kit;
  static TwilioRestClient twilio;
  static SandboxWorld world;
  static HttpServer receiver;
  static final List<Map<String, String>> events = new CopyOnWriteArrayList<>();
  static final List<Boolean> signaturesValid = new CopyOnWriteArrayList<>();
  static String callbackUrl;

  @BeforeAll
  static void start() throws Exception {
    kit = RunningKit.start();
    world = kit.sandbox();
    twilio =
        TwilioClients.emulated(
                kit.url("/twilio"), world.account().accountSid(), world.account().authToken())
            .client();
    RequestValidator validator = new RequestValidator(world.account().authToken());
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/events",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> params = new HashMap<>();
          for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(
                URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
          }
          signaturesValid.add(
              validator.validate(
                  callbackUrl,
                  params,
                  exchange.getRequestHeaders().getFirst("X-Twilio-Signature")));
          events.add(params);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    callbackUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events";
  }

  @AfterAll
  static void stop() throws Exception {
    receiver.stop(0);
    kit.close();
  }

  static <T> List<T> all(Iterable<T> items) {
    return StreamSupport.stream(items.spliterator(), false).toList();
  }

  @Test
  void theSeededWorkspaceHasFlexActivitiesChannelsQueuesWorkflowsAndAgents() {
    List<Workspace> workspaces = all(Workspace.reader().read(twilio));
    assertThat(workspaces).extracting(Workspace::getSid).containsExactly(WS);
    assertThat(Workspace.fetcher(WS).fetch(twilio).getDefaultActivityName()).isEqualTo("Offline");
    assertThat(all(Activity.reader(WS).read(twilio)))
        .extracting(Activity::getFriendlyName)
        .containsExactly("Offline", "Available", "Unavailable", "Break");
    assertThat(
            Activity.fetcher(WS, TaskRouterSeed.AVAILABLE_ACTIVITY_SID)
                .fetch(twilio)
                .getAvailable())
        .isTrue();
    assertThat(all(TaskChannel.reader(WS).read(twilio)))
        .extracting(TaskChannel::getUniqueName)
        // R39: a fresh Flex workspace's channels, with no whatsapp.
        .containsExactly("default", "voice", "chat", "sms", "video", "email");
    assertThat(TaskChannel.fetcher(WS, "chat").fetch(twilio).getUniqueName()).isEqualTo("chat");
    assertThat(all(TaskQueue.reader(WS).setFriendlyName("Sales").read(twilio)))
        .extracting(TaskQueue::getSid)
        .containsExactly(TaskRouterSeed.SALES_QUEUE_SID);
    assertThat(all(Workflow.reader(WS).read(twilio)))
        .extracting(Workflow::getFriendlyName)
        .contains("Assign to Anyone");

    Worker alice = Worker.fetcher(WS, TaskRouterSeed.ALICE_WORKER_SID).fetch(twilio);
    assertThat(alice.getFriendlyName()).isEqualTo("alice@example.com");
    assertThat(alice.getAttributes()).contains("\"contact_uri\":\"client:alice_40example_2Ecom\"");
    assertThat(all(Worker.reader(WS).setActivityName("Offline").read(twilio)))
        .extracting(Worker::getSid)
        .contains(TaskRouterSeed.CAROL_WORKER_SID);
    assertThat(
            all(
                Worker.reader(WS)
                    .setTargetWorkersExpression("routing.skills HAS 'sales'")
                    .read(twilio)))
        .extracting(Worker::getSid)
        .contains(TaskRouterSeed.ALICE_WORKER_SID, TaskRouterSeed.CAROL_WORKER_SID)
        .doesNotContain(TaskRouterSeed.BOB_WORKER_SID);
    assertThat(all(Worker.reader(WS).setTaskQueueSid(TaskRouterSeed.SALES_QUEUE_SID).read(twilio)))
        .hasSize(2);
    assertThat(all(WorkerChannel.reader(WS, TaskRouterSeed.ALICE_WORKER_SID).read(twilio)))
        .filteredOn(c -> List.of("chat", "sms").contains(c.getTaskChannelUniqueName()))
        .extracting(WorkerChannel::getConfiguredCapacity)
        .containsOnly(3);
  }

  @Test
  void twilioJavaPagesThroughTasksAndFiltersThem() {
    TaskQueue nobody =
        TaskQueue.creator(WS, "Paging").setTargetWorkers("team == 'nobody'").create(twilio);
    for (int i = 0; i < 7; i++) {
      Task.creator(WS)
          .setTaskQueueSid(nobody.getSid())
          .setAttributes("{\"n\":" + i + "}")
          .setPriority(i % 2)
          .create(twilio);
    }
    List<Task> paged =
        all(Task.reader(WS).setTaskQueueSid(nobody.getSid()).setPageSize(3L).read(twilio));
    assertThat(paged).hasSize(7);
    assertThat(
            all(
                Task.reader(WS)
                    .setEvaluateTaskAttributes("n >= 5")
                    .setTaskQueueSid(nobody.getSid())
                    .read(twilio)))
        .hasSize(2);
    assertThat(all(Task.reader(WS).setTaskQueueName("Paging").setPriority(1).read(twilio)))
        .hasSize(3);
    assertThat(
            all(
                Task.reader(WS)
                    .setTaskQueueSid(nobody.getSid())
                    .setAssignmentStatus("completed")
                    .read(twilio)))
        .isEmpty();

    Task gone = paged.get(0);
    Task.deleter(WS, gone.getSid()).delete(twilio);
    assertThatThrownBy(() -> Task.fetcher(WS, gone.getSid()).fetch(twilio))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20404));
  }

  @Test
  void workerReservationsAreListedAndAnsweredUnderTheWorker() {
    TaskQueue q =
        TaskQueue.creator(WS, "Worker view").setTargetWorkers("team == 'view'").create(twilio);
    Worker w =
        Worker.creator(WS, "viewer@example.com")
            .setAttributes("{\"team\":\"view\"}")
            .setActivitySid(TaskRouterSeed.AVAILABLE_ACTIVITY_SID)
            .create(twilio);
    Task t = Task.creator(WS).setTaskQueueSid(q.getSid()).setTaskChannel("sms").create(twilio);
    List<com.twilio.rest.taskrouter.v1.workspace.worker.Reservation> mine =
        all(
            com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.reader(WS, w.getSid())
                .setReservationStatus(
                    com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.Status.PENDING)
                .read(twilio));
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).getTaskSid()).isEqualTo(t.getSid());
    com.twilio.rest.taskrouter.v1.workspace.worker.Reservation accepted =
        com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.updater(
                WS, w.getSid(), mine.get(0).getSid())
            .setReservationStatus(
                com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.Status.ACCEPTED)
            .update(twilio);
    assertThat(accepted.getReservationStatus())
        .isEqualTo(com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.Status.ACCEPTED);
    assertThat(
            com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.fetcher(
                    WS, w.getSid(), accepted.getSid())
                .fetch(twilio)
                .getWorkerName())
        .isEqualTo("viewer@example.com");
    com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.updater(
            WS, w.getSid(), accepted.getSid())
        .setReservationStatus(
            com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.Status.COMPLETED)
        .update(twilio);
    assertThat(Task.fetcher(WS, t.getSid()).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.COMPLETED);
  }

  @Test
  void eventCallbacksAreSignedAndHonourTheEventsFilter() {
    Workspace updated =
        Workspace.updater(WS)
            .setEventCallbackUrl(callbackUrl)
            .setEventsFilter(
                "task.created,reservation.created,reservation.accepted,task.completed,worker.activity.update")
            .update(twilio);
    assertThat(updated.getEventCallbackUrl().toString()).isEqualTo(callbackUrl);
    try {
      TaskQueue q =
          TaskQueue.creator(WS, "Events").setTargetWorkers("team == 'events'").create(twilio);
      Worker w =
          Worker.creator(WS, "evie@example.com")
              .setAttributes("{\"team\":\"events\"}")
              .create(twilio);
      Task t =
          Task.creator(WS)
              .setTaskQueueSid(q.getSid())
              .setAttributes("{\"topic\":\"refund\"}")
              .create(twilio);
      Worker.updater(WS, w.getSid())
          .setActivitySid(TaskRouterSeed.AVAILABLE_ACTIVITY_SID)
          .update(twilio);
      String reservation =
          all(com.twilio.rest.taskrouter.v1.workspace.task.Reservation.reader(WS, t.getSid())
                  .read(twilio))
              .get(0)
              .getSid();
      com.twilio.rest.taskrouter.v1.workspace.task.Reservation.updater(WS, t.getSid(), reservation)
          .setReservationStatus(
              com.twilio.rest.taskrouter.v1.workspace.task.Reservation.Status.ACCEPTED)
          .update(twilio);
      Task.updater(WS, t.getSid())
          .setAssignmentStatus(Task.Status.COMPLETED)
          .setReason("done")
          .update(twilio);
      world.awaitSettled(Duration.ofSeconds(5));

      List<Map<String, String>> mine =
          events.stream()
              .filter(
                  e -> t.getSid().equals(e.get("TaskSid")) || w.getSid().equals(e.get("WorkerSid")))
              .toList();
      assertThat(mine)
          .extracting(e -> e.get("EventType"))
          .containsExactly(
              "task.created",
              "worker.activity.update",
              "reservation.created",
              "reservation.accepted",
              "task.completed");
      Map<String, String> created = mine.get(0);
      assertThat(created)
          .containsEntry("ResourceType", "task")
          .containsEntry("WorkspaceSid", WS)
          .containsEntry("TaskAssignmentStatus", "pending")
          .containsKeys(
              "Sid",
              "Timestamp",
              "TaskAttributes",
              "TaskAge",
              "AccountSid",
              "WorkspaceName",
              "EventDescription");
      assertThat(mine.get(1))
          .containsEntry("WorkerActivityName", "Available")
          .containsEntry("WorkerPreviousActivityName", "Offline");
      assertThat(mine.get(2))
          .containsEntry("ReservationSid", reservation)
          .containsEntry("TaskQueueName", "Events")
          .containsEntry("WorkerName", "evie@example.com");
      assertThat(mine.get(4)).containsEntry("TaskCompletedReason", "done");
      assertThat(signaturesValid).isNotEmpty().containsOnly(true);
    } finally {
      Workspace.updater(WS).setEventCallbackUrl("").update(twilio);
    }
  }

  @Test
  void workerChannelCapacityAndAvailabilityCanBeChanged() {
    WorkerChannel chat =
        WorkerChannel.updater(WS, TaskRouterSeed.CAROL_WORKER_SID, "chat")
            .setCapacity(5)
            .setAvailable(false)
            .update(twilio);
    assertThat(chat.getConfiguredCapacity()).isEqualTo(5);
    assertThat(chat.getAvailable()).isFalse();
    assertThat(
            WorkerChannel.fetcher(WS, TaskRouterSeed.CAROL_WORKER_SID, chat.getSid())
                .fetch(twilio)
                .getConfiguredCapacity())
        .isEqualTo(5);
    assertThatThrownBy(
            () ->
                WorkerChannel.fetcher(WS, TaskRouterSeed.CAROL_WORKER_SID, "pigeon").fetch(twilio))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20404));
  }
}
