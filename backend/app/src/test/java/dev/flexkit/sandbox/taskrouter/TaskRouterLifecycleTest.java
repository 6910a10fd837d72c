package dev.flexkit.sandbox.taskrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkerChannel;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.iam.FlexIdentity;
import dev.flexkit.twilio.TwilioClients;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tasks, reservations and capacity as an agent's day goes, driven with twilio-java and the sandbox
 * clock.
 */
class TaskRouterLifecycleTest {
  static final String WS = TaskRouterSeed.WORKSPACE_SID;
  static RunningKit kit;
  static TwilioRestClient twilio;
  static SandboxWorld world;
  static String offline;
  static String available;

  @BeforeAll
  static void start() {
    kit = RunningKit.start();
    world = kit.sandbox();
    twilio =
        TwilioClients.emulated(
                kit.url("/twilio"), world.account().accountSid(), world.account().authToken())
            .client();
    offline = TaskRouterSeed.sid("WA", 1);
    available = TaskRouterSeed.sid("WA", 2);
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  /** A queue and a worker of their own, so each test routes only to workers it made. */
  static String[] queueWithWorker(String tag, int chatCapacity) {
    TaskQueue q =
        TaskQueue.creator(WS, tag).setTargetWorkers("team == '" + tag + "'").create(twilio);
    Worker w =
        Worker.creator(WS, tag + "@example.com")
            .setAttributes(
                "{\"team\":\""
                    + tag
                    + "\",\"contact_uri\":\"client:"
                    + FlexIdentity.encode(tag + "@example.com")
                    + "\"}")
            .setActivitySid(available)
            .create(twilio);
    WorkerChannel.updater(WS, w.getSid(), "chat").setCapacity(chatCapacity).update(twilio);
    return new String[] {q.getSid(), w.getSid()};
  }

  static Task chatTask(String queueSid) {
    return Task.creator(WS)
        .setTaskQueueSid(queueSid)
        .setTaskChannel("chat")
        .setAttributes("{\"customer\":\"+15550001\"}")
        .create(twilio);
  }

  static List<Reservation> reservations(String taskSid) {
    return StreamSupport.stream(Reservation.reader(WS, taskSid).read(twilio).spliterator(), false)
        .toList();
  }

  @Test
  void aTaskIsReservedForTheEligibleWorkerAndAssignedWhenAccepted() {
    String[] qw = queueWithWorker("lifecycle", 3);
    Task task = chatTask(qw[0]);
    assertThat(Task.fetcher(WS, task.getSid()).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.RESERVED);

    List<Reservation> offered = reservations(task.getSid());
    assertThat(offered).hasSize(1);
    assertThat(offered.get(0).getWorkerSid()).isEqualTo(qw[1]);
    assertThat(offered.get(0).getReservationStatus()).isEqualTo(Reservation.Status.PENDING);

    Reservation accepted =
        Reservation.updater(WS, task.getSid(), offered.get(0).getSid())
            .setReservationStatus(Reservation.Status.ACCEPTED)
            .update(twilio);
    assertThat(accepted.getReservationStatus()).isEqualTo(Reservation.Status.ACCEPTED);
    assertThat(Task.fetcher(WS, task.getSid()).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.ASSIGNED);

    Task wrapping =
        Task.updater(WS, task.getSid()).setAssignmentStatus(Task.Status.WRAPPING).update(twilio);
    assertThat(wrapping.getAssignmentStatus()).isEqualTo(Task.Status.WRAPPING);
    assertThat(reservations(task.getSid()).get(0).getReservationStatus())
        .isEqualTo(Reservation.Status.WRAPPING);
    Task done =
        Task.updater(WS, task.getSid())
            .setAssignmentStatus(Task.Status.COMPLETED)
            .setReason("resolved")
            .update(twilio);
    assertThat(done.getAssignmentStatus()).isEqualTo(Task.Status.COMPLETED);
    assertThat(done.getReason()).isEqualTo("resolved");
    assertThat(reservations(task.getSid()).get(0).getReservationStatus())
        .isEqualTo(Reservation.Status.COMPLETED);
  }

  @Test
  void aReservationNotAnsweredInTimeTimesOutAndTheWorkerGoesOffline() {
    String[] qw = queueWithWorker("sleepy", 3);
    Task task = chatTask(qw[0]);
    String reservation = reservations(task.getSid()).get(0).getSid();

    world.clock().advance(Duration.ofSeconds(121));

    assertThat(
            Reservation.fetcher(WS, task.getSid(), reservation)
                .fetch(twilio)
                .getReservationStatus())
        .isEqualTo(Reservation.Status.TIMEOUT);
    assertThat(Task.fetcher(WS, task.getSid()).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.PENDING);
    assertThat(Worker.fetcher(WS, qw[1]).fetch(twilio).getActivityName()).isEqualTo("Offline");

    Worker.updater(WS, qw[1]).setActivitySid(available).update(twilio);
    assertThat(Task.fetcher(WS, task.getSid()).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.PENDING);
  }

  @Test
  void aRejectedTaskGoesToTheNextEligibleWorker() {
    String[] qw = queueWithWorker("rejecting", 3);
    Worker second =
        Worker.creator(WS, "second@example.com")
            .setAttributes("{\"team\":\"rejecting\"}")
            .setActivitySid(offline)
            .create(twilio);
    Task task = chatTask(qw[0]);
    String first = reservations(task.getSid()).get(0).getSid();
    Reservation.updater(WS, task.getSid(), first)
        .setReservationStatus(Reservation.Status.REJECTED)
        .update(twilio);
    assertThat(Task.fetcher(WS, task.getSid()).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.PENDING);

    Worker.updater(WS, second.getSid()).setActivitySid(available).update(twilio);
    List<Reservation> all = reservations(task.getSid());
    assertThat(all).extracting(Reservation::getWorkerSid).containsExactly(qw[1], second.getSid());
    assertThat(all.get(1).getReservationStatus()).isEqualTo(Reservation.Status.PENDING);
  }

  @Test
  void chatCapacityLimitsHowManyTasksAWorkerIsOffered() {
    String[] qw = queueWithWorker("capacity", 2);
    Task a = chatTask(qw[0]);
    Task b = chatTask(qw[0]);
    Task c = chatTask(qw[0]);
    assertThat(List.of(a, b, c))
        .extracting(t -> Task.fetcher(WS, t.getSid()).fetch(twilio).getAssignmentStatus())
        .containsExactly(Task.Status.RESERVED, Task.Status.RESERVED, Task.Status.PENDING);
    WorkerChannel chat = WorkerChannel.fetcher(WS, qw[1], "chat").fetch(twilio);
    assertThat(chat.getAssignedTasks()).isEqualTo(2);
    assertThat(chat.getAvailableCapacityPercentage()).isEqualTo(0);

    Task.updater(WS, a.getSid()).setAssignmentStatus(Task.Status.CANCELED).update(twilio);
    assertThat(Task.fetcher(WS, c.getSid()).fetch(twilio).getAssignmentStatus())
        .isEqualTo(Task.Status.RESERVED);
  }

  @Test
  void aTaskPastItsTtlIsCanceled() {
    TaskQueue nobody =
        TaskQueue.creator(WS, "nobody").setTargetWorkers("team == 'nobody'").create(twilio);
    Task task = Task.creator(WS).setTaskQueueSid(nobody.getSid()).setTimeout(60).create(twilio);
    world.clock().advance(Duration.ofSeconds(61));
    Task canceled = Task.fetcher(WS, task.getSid()).fetch(twilio);
    assertThat(canceled.getAssignmentStatus()).isEqualTo(Task.Status.CANCELED);
    assertThat(canceled.getReason()).isEqualTo("Task TTL Exceeded");
  }

  @Test
  void ifMatchWithAStaleVersionIsRefusedWith412() {
    TaskQueue nobody =
        TaskQueue.creator(WS, "stale").setTargetWorkers("team == 'nobody'").create(twilio);
    Task task = Task.creator(WS).setTaskQueueSid(nobody.getSid()).create(twilio);
    Task.updater(WS, task.getSid()).setPriority(5).update(twilio);
    assertThatThrownBy(
            () -> Task.updater(WS, task.getSid()).setIfMatch("0").setPriority(6).update(twilio))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412));
  }

  @Test
  void unknownSidsAre20404() {
    assertThatThrownBy(() -> Task.fetcher(WS, "WT00000000000000000000000000000000").fetch(twilio))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(20404);
              assertThat(e.getStatusCode()).isEqualTo(404);
            });
    assertThatThrownBy(
            () ->
                Worker.fetcher(
                        "WS00000000000000000000000000000000", TaskRouterSeed.ALICE_WORKER_SID)
                    .fetch(twilio))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20404));
  }
}
