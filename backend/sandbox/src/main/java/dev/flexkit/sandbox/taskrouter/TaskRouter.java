package dev.flexkit.sandbox.taskrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.sandbox.webhooks.WebhookDispatcher;
import dev.flexkit.sandbox.wire.Sids;
import dev.flexkit.sandbox.wire.TwilioException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated TaskRouter: one workspace's state and its rules. Tasks are routed by their workflow,
 * offered to eligible workers as reservations, and moved through Twilio's lifecycle ({@code pending
 * → reserved → assigned → wrapping → completed}, or {@code canceled}), with time taken only from
 * the sandbox clock. All state is guarded by one lock; listeners are told after it is released.
 */
public final class TaskRouter {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRouter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TERMINAL_TASK_RETENTION = Duration.ofMinutes(5);

  final String accountSid;
  final Clock clock;
  final TaskRouterJson json;
  final TaskRouterEvents events;
  final Workspace workspace;
  final Map<String, Activity> activities = new LinkedHashMap<>();
  final Map<String, TaskChannel> taskChannels = new LinkedHashMap<>();
  final Map<String, Workflow> workflows = new LinkedHashMap<>();
  final Map<String, TaskQueue> queues = new LinkedHashMap<>();
  final Map<String, Worker> workers = new LinkedHashMap<>();
  final Map<String, Task> tasks = new LinkedHashMap<>();
  final Map<String, Reservation> reservations = new LinkedHashMap<>();

  private final ReentrantLock lock = new ReentrantLock();
  private final Queue<Runnable> afterUnlock = new ConcurrentLinkedQueue<>();
  private final List<TaskRouterListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Predicate<String> routedByFlex = sid -> false;

  TaskRouter(String accountSid, Clock clock, WebhookDispatcher webhooks, Workspace workspace) {
    this.accountSid = accountSid;
    this.clock = clock;
    this.json = new TaskRouterJson(accountSid);
    this.events = new TaskRouterEvents(accountSid, clock, webhooks);
    this.workspace = workspace;
  }

  public void addListener(TaskRouterListener listener) {
    listeners.add(listener);
  }

  /**
   * Tells TaskRouter which tasks Flex Interactions routes (R36): their REST deletion is refused,
   * and so is cancelling one an agent holds; Flex's own ending of them is not affected.
   */
  public void recognizeFlexTasks(Predicate<String> isFlexTask) {
    this.routedByFlex = isFlexTask;
  }

  <T> T locked(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
      if (!lock.isHeldByCurrentThread()) {
        Runnable next;
        while ((next = afterUnlock.poll()) != null) {
          try {
            next.run();
          } catch (RuntimeException e) {
            LOG.error("TaskRouter listener failed", e);
          }
        }
      }
    }
  }

  void lockedRun(Runnable work) {
    locked(
        () -> {
          work.run();
          return null;
        });
  }

  Instant now() {
    return clock.instant();
  }

  // ---- lookups (caller holds the lock) ----

  void checkWorkspace(String workspaceSid) {
    if (!workspace.sid.equals(workspaceSid)) {
      throw TwilioException.notFound("/Workspaces/" + workspaceSid);
    }
  }

  Task task(String workspaceSid, String sid) {
    checkWorkspace(workspaceSid);
    Task t = tasks.get(sid);
    if (t == null) {
      throw TwilioException.notFound("/Workspaces/" + workspaceSid + "/Tasks/" + sid);
    }
    return t;
  }

  Worker worker(String workspaceSid, String sid) {
    checkWorkspace(workspaceSid);
    Worker w = workers.get(sid);
    if (w == null) {
      throw TwilioException.notFound("/Workspaces/" + workspaceSid + "/Workers/" + sid);
    }
    return w;
  }

  Optional<TaskChannel> taskChannelByNameOrSid(String nameOrSid) {
    return taskChannels.values().stream()
        .filter(c -> c.sid().equals(nameOrSid) || c.uniqueName().equalsIgnoreCase(nameOrSid))
        .findFirst();
  }

  static ObjectNode attributes(String json, String param) {
    if (json == null || json.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node instanceof ObjectNode o) {
        return o;
      }
    } catch (Exception e) {
      // reported below
    }
    throw TwilioException.invalidParameter(param, "must be a JSON object");
  }

  int assignedOn(Worker w, TaskChannel channel) {
    int n = 0;
    for (Reservation r : reservations.values()) {
      if (r.worker == w && r.live() && r.task.taskChannel == channel) {
        n++;
      }
    }
    return n;
  }

  // ---- tasks ----

  /**
   * What a task is created with; {@code workerSid}/{@code queueSid} bypass the workflow's filters.
   */
  public record NewTask(
      String workflowSid,
      String taskChannel,
      String attributesJson,
      Integer priority,
      Integer timeout,
      String queueSid,
      String workerSid,
      boolean ignoreCapacity) {}

  /**
   * A created task: its sid, its REST JSON and its Flex Interactions snapshot, both before
   * assignment.
   */
  public record CreatedTask(
      String sid, Map<String, Object> json, Map<String, Object> flexSnapshot) {}

  public CreatedTask createTask(NewTask spec) {
    return locked(
        () -> {
          ObjectNode attrs = attributes(spec.attributesJson(), "Attributes");
          TaskChannel channel =
              taskChannelByNameOrSid(spec.taskChannel() == null ? "default" : spec.taskChannel())
                  .orElseThrow(
                      () ->
                          TwilioException.invalidParameter(
                              "TaskChannel", "unknown task channel " + spec.taskChannel()));
          Workflow workflow = null;
          if (spec.workflowSid() != null) {
            workflow = workflows.get(spec.workflowSid());
            if (workflow == null) {
              throw TwilioException.invalidParameter(
                  "WorkflowSid", "unknown workflow " + spec.workflowSid());
            }
          } else if (spec.queueSid() == null && spec.workerSid() == null) {
            if (workflows.size() != 1) {
              throw TwilioException.missingParameter("WorkflowSid");
            }
            workflow = workflows.values().iterator().next();
          }
          if (spec.queueSid() != null && !queues.containsKey(spec.queueSid())) {
            throw TwilioException.invalidParameter(
                "TaskQueueSid", "unknown queue " + spec.queueSid());
          }
          if (spec.workerSid() != null && !workers.containsKey(spec.workerSid())) {
            throw TaskRouterErrors.workerNotInWorkspace(spec.workerSid(), workspace.sid);
          }
          if (spec.workerSid() != null) {
            String queue = spec.queueSid() != null ? spec.queueSid() : defaultQueueSid(workflow);
            Worker known = workers.get(spec.workerSid());
            if (!queues.get(queue).targetWorkers.matches(WorkerMatch.workerRoot(known))) {
              throw TaskRouterErrors.workerNotInQueue(known.sid, queue);
            }
          }
          int timeout = spec.timeout() == null ? Task.DEFAULT_TIMEOUT : spec.timeout();
          if (timeout < 1 || timeout > Task.MAX_TIMEOUT) {
            throw TaskRouterErrors.timeoutOutOfRange(timeout);
          }
          Instant now = now();
          Task t = new Task(Sids.next("WT"), channel, workflow, timeout, now);
          t.attributes = attrs;
          t.attributesJson = attrs.toString();
          t.priority = spec.priority() == null ? 0 : spec.priority();
          t.ignoreCapacity = spec.ignoreCapacity();
          tasks.put(t.sid, t);
          events.task(workspace, "task.created", t, "Task " + t.sid + " created");
          route(t, spec.queueSid(), spec.workerSid());
          CreatedTask created =
              new CreatedTask(
                  t.sid, json.task(workspace, t, now), json.flexSnapshot(workspace, t, now));
          assign();
          return created;
        });
  }

  private void route(Task t, String queueSid, String workerSid) {
    if (workerSid != null) {
      String queue = queueSid != null ? queueSid : defaultQueueSid(t.workflow);
      t.targets = List.of(WorkflowConfiguration.Target.worker(queue, workerSid));
      t.directToWorker = true;
      t.routingTarget = workerSid;
    } else if (queueSid != null) {
      t.targets = List.of(WorkflowConfiguration.Target.queue(queueSid));
    } else {
      t.targets = t.workflow.configuration.route(t.attributes);
      if (!t.targets.isEmpty()) {
        events.task(
            workspace,
            "workflow.target-matched",
            t,
            "Task "
                + t.sid
                + " matched filter "
                + t.workflow.configuration.matchedFilterName(t.attributes));
      }
    }
    if (!t.targets.isEmpty()) {
      enterTarget(t, 0);
    }
  }

  private String defaultQueueSid(Workflow workflow) {
    if (workflow != null && workflow.configuration.defaultTarget() != null) {
      return workflow.configuration.defaultTarget().queueSid();
    }
    return queues.keySet().iterator().next();
  }

  private void enterTarget(Task t, int index) {
    t.targetIndex = index;
    t.targetEnteredAt = now();
    TaskQueue queue = queues.get(t.target().queueSid());
    if (queue != t.queue) {
      t.queue = queue;
      t.queueEnteredAt = now();
      events.task(
          workspace,
          "task-queue.entered",
          t,
          "Task " + t.sid + " entered TaskQueue " + queue.friendlyName);
    }
  }

  /** Moves a pending task to its next target, or cancels it when none is left. */
  private void nextTarget(Task t) {
    if (t.targetIndex + 1 < t.targets.size()) {
      events.task(
          workspace, "workflow.timeout", t, "Task " + t.sid + " timed out of its workflow target");
      enterTarget(t, t.targetIndex + 1);
    } else {
      cancel(
          t,
          t.directToWorker
              ? "Task canceled: the targeted worker did not accept"
              : "Task canceled on Workflow timeout");
    }
  }

  public record TaskUpdate(
      String ifMatch,
      String assignmentStatus,
      String reason,
      String attributesJson,
      Integer priority) {}

  Task updateTask(Task t, TaskUpdate u) {
    if (u.ifMatch() != null
        && !u.ifMatch().replace("\"", "").trim().equals(String.valueOf(t.version))) {
      throw new TwilioException(
          412,
          20001,
          "Precondition Failed: task " + t.sid + " has been modified (version " + t.version + ")");
    }
    if (t.terminal() && (u.attributesJson() != null || u.priority() != null)) {
      throw new TwilioException(
          400, 20001, "Task " + t.sid + " is " + t.assignmentStatus + " and cannot be modified");
    }
    if (u.attributesJson() != null) {
      t.attributes = attributes(u.attributesJson(), "Attributes");
      t.attributesJson = t.attributes.toString();
    }
    if (u.priority() != null) {
      t.priority = u.priority();
    }
    if (u.attributesJson() != null || u.priority() != null) {
      touch(t);
      events.task(workspace, "task.updated", t, "Task " + t.sid + " updated");
    }
    if (u.assignmentStatus() != null) {
      String from = t.assignmentStatus;
      switch (u.assignmentStatus()) {
        case "canceled" -> {
          boolean heldByAnAgent =
              t.assignmentStatus.equals("assigned") || t.assignmentStatus.equals("wrapping");
          if (heldByAnAgent && routedByFlex.test(t.sid)) {
            throw TaskRouterErrors.endedOutsideFlex("cancel", t);
          }
          requireStatus(t, "canceled", "pending", "reserved");
          cancel(t, u.reason());
        }
        case "wrapping" -> {
          if (!t.assignmentStatus.equals("assigned")) {
            throw TaskRouterErrors.notAssigned("wrap up", t, workspace.sid, accountSid);
          }
          wrap(t, u.reason());
        }
        case "completed" -> {
          if (!t.assignmentStatus.equals("assigned") && !t.assignmentStatus.equals("wrapping")) {
            throw TaskRouterErrors.notAssigned("complete", t, workspace.sid, accountSid);
          }
          complete(t, u.reason());
        }
        default ->
            throw TwilioException.invalidParameter(
                "AssignmentStatus",
                "must be canceled, wrapping or completed, not " + u.assignmentStatus());
      }
      LOG.debug("task {} {} -> {}", t.sid, from, t.assignmentStatus);
    }
    assign();
    return t;
  }

  private static void requireStatus(Task t, String to, String... from) {
    for (String f : from) {
      if (t.assignmentStatus.equals(f)) {
        return;
      }
    }
    throw new TwilioException(
        400,
        20001,
        "Cannot set AssignmentStatus to "
            + to
            + " on task "
            + t.sid
            + " whose status is "
            + t.assignmentStatus);
  }

  private void touch(Task t) {
    t.dateUpdated = now();
    t.version++;
  }

  void cancel(Task t, String reason) {
    for (Reservation r : t.reservations) {
      if (r.status.equals("pending")) {
        setReservationStatus(r, "canceled");
        events.reservation(
            workspace, "reservation.canceled", r, "Reservation " + r.sid + " canceled");
      }
    }
    endTask(t, "canceled", reason);
    events.task(workspace, "task.canceled", t, "Task " + t.sid + " canceled");
  }

  void wrap(Task t, String reason) {
    t.assignmentStatus = "wrapping";
    t.reason = reason;
    touch(t);
    for (Reservation r : t.reservations) {
      if (r.status.equals("accepted")) {
        setReservationStatus(r, "wrapping");
        events.reservation(
            workspace, "reservation.wrapup", r, "Reservation " + r.sid + " wrapping");
      }
    }
    events.task(workspace, "task.wrapup", t, "Task " + t.sid + " wrapping up");
    notifyStatus(t);
  }

  void complete(Task t, String reason) {
    for (Reservation r : t.reservations) {
      if (r.status.equals("accepted") || r.status.equals("wrapping")) {
        setReservationStatus(r, "completed");
        events.reservation(
            workspace, "reservation.completed", r, "Reservation " + r.sid + " completed");
      }
    }
    endTask(t, "completed", reason);
    events.task(workspace, "task.completed", t, "Task " + t.sid + " completed");
  }

  private void endTask(Task t, String status, String reason) {
    t.assignmentStatus = status;
    t.reason = reason;
    t.endedAt = now();
    touch(t);
    notifyStatus(t);
  }

  private void notifyStatus(Task t) {
    String sid = t.sid;
    String status = t.assignmentStatus;
    afterUnlock.add(() -> listeners.forEach(l -> l.taskStatusChanged(sid, status)));
  }

  void deleteTask(Task t, String ifMatch) {
    if (routedByFlex.test(t.sid)) {
      throw TaskRouterErrors.endedOutsideFlex("delete", t);
    }
    if (ifMatch != null && !ifMatch.replace("\"", "").trim().equals(String.valueOf(t.version))) {
      throw new TwilioException(
          412, 20001, "Precondition Failed: task " + t.sid + " has been modified");
    }
    for (Reservation r : t.reservations) {
      if (r.live()) {
        setReservationStatus(r, r.status.equals("pending") ? "canceled" : "completed");
      }
      reservations.remove(r.sid);
    }
    tasks.remove(t.sid);
    events.task(workspace, "task.deleted", t, "Task " + t.sid + " deleted");
    assign();
  }

  /**
   * {@code ReEvaluateTasks=true}: pending tasks of the workflow are routed again from its first
   * filter.
   */
  void reEvaluate(Workflow f) {
    for (Task t : tasks.values()) {
      if (t.workflow == f && t.assignmentStatus.equals("pending") && !t.directToWorker) {
        t.targets = f.configuration.route(t.attributes);
        if (!t.targets.isEmpty()) {
          enterTarget(t, 0);
        }
      }
    }
    assign();
  }

  // ---- reservations ----

  Reservation reservation(Task t, String sid) {
    Reservation r = reservations.get(sid);
    if (r == null || r.task != t) {
      throw TwilioException.notFound(
          "/Workspaces/" + workspace.sid + "/Tasks/" + t.sid + "/Reservations/" + sid);
    }
    return r;
  }

  Reservation reservationOfWorker(Worker w, String sid) {
    Reservation r = reservations.get(sid);
    if (r == null || r.worker != w) {
      throw TwilioException.notFound(
          "/Workspaces/" + workspace.sid + "/Workers/" + w.sid + "/Reservations/" + sid);
    }
    return r;
  }

  /** {@code ReservationStatus} updates: what an agent's accept, reject, wrap-up and complete do. */
  void updateReservation(Reservation r, String status, String workerActivitySid, String ifMatch) {
    if (ifMatch != null
        && !ifMatch.replace("\"", "").trim().equals(String.valueOf(r.task.version))) {
      throw new TwilioException(
          412, 20001, "Precondition Failed: reservation " + r.sid + " has been modified");
    }
    Activity activity = null;
    if (workerActivitySid != null) {
      activity = activities.get(workerActivitySid);
      if (activity == null) {
        throw TwilioException.invalidParameter(
            "WorkerActivitySid", "unknown activity " + workerActivitySid);
      }
    }
    if (status != null) {
      switch (status) {
        case "accepted" -> accept(r);
        case "rejected" -> reject(r);
        case "wrapping" -> {
          requireReservation(r, status, "accepted");
          wrap(r.task, null);
        }
        case "completed" -> {
          requireReservation(r, status, "accepted", "wrapping");
          complete(r.task, null);
        }
        default ->
            throw TwilioException.invalidParameter(
                "ReservationStatus",
                "must be accepted, rejected, wrapping or completed, not " + status);
      }
    }
    if (activity != null) {
      changeActivity(r.worker, activity);
    }
    assign();
  }

  private static void requireReservation(Reservation r, String to, String... from) {
    for (String f : from) {
      if (r.status.equals(f)) {
        return;
      }
    }
    throw new TwilioException(
        400,
        20001,
        "Cannot set ReservationStatus to "
            + to
            + " on reservation "
            + r.sid
            + " whose status is "
            + r.status);
  }

  private void accept(Reservation r) {
    requireReservation(r, "accepted", "pending");
    setReservationStatus(r, "accepted");
    Task t = r.task;
    t.assignmentStatus = "assigned";
    touch(t);
    events.reservation(
        workspace,
        "reservation.accepted",
        r,
        "Reservation " + r.sid + " accepted by " + r.worker.friendlyName);
    String taskSid = t.sid;
    String reservationSid = r.sid;
    String workerSid = r.worker.sid;
    afterUnlock.add(
        () -> listeners.forEach(l -> l.reservationAccepted(taskSid, reservationSid, workerSid)));
  }

  private void reject(Reservation r) {
    requireReservation(r, "rejected", "pending");
    setReservationStatus(r, "rejected");
    r.task.rejectedBy.add(r.worker.sid);
    events.reservation(
        workspace,
        "reservation.rejected",
        r,
        "Reservation " + r.sid + " rejected by " + r.worker.friendlyName);
    backToPending(r.task);
  }

  private void timeout(Reservation r) {
    setReservationStatus(r, "timeout");
    r.task.rejectedBy.add(r.worker.sid);
    events.reservation(workspace, "reservation.timeout", r, "Reservation " + r.sid + " timed out");
    // Twilio moves a worker who lets a reservation time out to the workspace's timeout activity.
    if (workspace.timeoutActivity != null && r.worker.activity.available()) {
      changeActivity(r.worker, workspace.timeoutActivity);
    }
    backToPending(r.task);
  }

  private void backToPending(Task t) {
    if (t.liveReservation() != null) {
      return;
    }
    t.assignmentStatus = "pending";
    touch(t);
    if (t.directToWorker) {
      cancel(t, "Task canceled: the targeted worker did not accept");
    }
  }

  private void setReservationStatus(Reservation r, String status) {
    r.status = status;
    r.dateUpdated = now();
  }

  private void reserve(Task t, Worker w) {
    int timeoutSeconds =
        t.workflow == null
            ? Workflow.DEFAULT_RESERVATION_TIMEOUT
            : t.workflow.taskReservationTimeout;
    Instant now = now();
    Reservation r = new Reservation(Sids.next("WR"), t, w, now, now.plusSeconds(timeoutSeconds));
    t.reservations.add(r);
    reservations.put(r.sid, r);
    t.assignmentStatus = "reserved";
    t.assignmentCounter++;
    touch(t);
    w.lastReservedAt = now;
    events.reservation(
        workspace,
        "reservation.created",
        r,
        "Reservation " + r.sid + " created for " + w.friendlyName);
  }

  // ---- workers ----

  void changeActivity(Worker w, Activity activity) {
    if (w.activity == activity) {
      return;
    }
    Activity previous = w.activity;
    Instant since = w.dateStatusChanged;
    w.activity = activity;
    w.dateStatusChanged = now();
    w.dateUpdated = now();
    w.version++;
    events.worker(
        workspace,
        "worker.activity.update",
        w,
        previous,
        since,
        "Worker " + w.friendlyName + " updated to " + activity.friendlyName() + " Activity");
  }

  // ---- assignment ----

  /**
   * Offers every pending task, highest priority and longest waiting first, to an eligible worker.
   */
  void assign() {
    List<Task> pending =
        tasks.values().stream()
            .filter(t -> t.assignmentStatus.equals("pending") && t.target() != null)
            .sorted(
                Comparator.comparingInt((Task t) -> -t.priority)
                    .thenComparing(t -> t.queueEnteredAt))
            .toList();
    for (Task t : pending) {
      while (t.assignmentStatus.equals("pending")) {
        Worker w = WorkerMatch.best(this, t);
        if (w != null) {
          reserve(t, w);
        } else if (WorkerMatch.skip(this, t)) {
          events.task(
              workspace, "workflow.skipped", t, "Task " + t.sid + " skipped a workflow target");
          nextTarget(t);
          continue;
        }
        break;
      }
    }
  }

  /** Fires what has fallen due on the sandbox clock. */
  public void tick() {
    lockedRun(
        () -> {
          Instant now = now();
          for (Reservation r : List.copyOf(reservations.values())) {
            if (r.status.equals("pending") && !r.timeoutAt.isAfter(now)) {
              timeout(r);
            }
          }
          for (Task t : List.copyOf(tasks.values())) {
            if (!t.terminal()
                && !t.assignmentStatus.equals("assigned")
                && !t.assignmentStatus.equals("wrapping")
                && !t.dateCreated.plusSeconds(t.timeout).isAfter(now)) {
              cancel(t, "Task TTL Exceeded");
            }
          }
          for (Task t : List.copyOf(tasks.values())) {
            WorkflowConfiguration.Target g = t.target();
            if (t.assignmentStatus.equals("pending")
                && g != null
                && g.timeout() != null
                && !t.targetEnteredAt.plusSeconds(g.timeout()).isAfter(now)) {
              nextTarget(t);
            }
          }
          for (Task t : List.copyOf(tasks.values())) {
            if (t.terminal() && !t.endedAt.plus(TERMINAL_TASK_RETENTION).isAfter(now)) {
              tasks.remove(t.sid);
              t.reservations.forEach(r -> reservations.remove(r.sid));
            }
          }
          assign();
        });
  }

  // ---- for other emulated products, the control API and /sandbox/api/info ----

  public record Named(String sid, String name) {}

  public record ReservationState(String sid, String taskSid, String workerSid, String status) {}

  public record WorkerState(
      String sid,
      String identity,
      String friendlyName,
      String activity,
      boolean available,
      List<ReservationState> reservations) {}

  public String workspaceSid() {
    return workspace.sid;
  }

  public int workflowCount() {
    return locked(workflows::size);
  }

  /** The workflow Flex routes with when none is named: the first one, "Assign to Anyone". */
  public String defaultWorkflowSid() {
    return locked(() -> workflows.keySet().iterator().next());
  }

  public List<Named> workflowNames() {
    return locked(
        () -> workflows.values().stream().map(f -> new Named(f.sid, f.friendlyName)).toList());
  }

  public List<Named> queueNames() {
    return locked(
        () -> queues.values().stream().map(q -> new Named(q.sid, q.friendlyName)).toList());
  }

  public boolean hasTaskChannel(String uniqueName) {
    return locked(() -> taskChannelByNameOrSid(uniqueName).isPresent());
  }

  public Optional<String> taskStatus(String taskSid) {
    return locked(() -> Optional.ofNullable(tasks.get(taskSid)).map(t -> t.assignmentStatus));
  }

  /** The Flex chat identity of a worker, from its {@code contact_uri}. */
  public Optional<String> workerIdentity(String workerSid) {
    return locked(() -> Optional.ofNullable(workers.get(workerSid)).map(Worker::identity));
  }

  public Optional<Map<String, Object>> flexSnapshot(String taskSid) {
    return locked(
        () ->
            Optional.ofNullable(tasks.get(taskSid))
                .map(t -> json.flexSnapshot(workspace, t, now())));
  }

  /**
   * Ends a task as Flex does when a channel or participant closes: unassigned tasks are canceled.
   */
  public void finishTask(String taskSid, boolean complete, String reason) {
    lockedRun(
        () -> {
          Task t = tasks.get(taskSid);
          if (t == null || t.terminal()) {
            return;
          }
          switch (t.assignmentStatus) {
            case "pending", "reserved" -> cancel(t, reason);
            case "assigned" -> {
              if (complete) {
                complete(t, reason);
              } else {
                wrap(t, reason);
              }
            }
            case "wrapping" -> {
              if (complete) {
                complete(t, reason);
              }
            }
            default -> {}
          }
          assign();
        });
  }

  public List<WorkerState> workerStates() {
    return locked(() -> workers.values().stream().map(this::state).toList());
  }

  /**
   * Reservations the agent still holds: offered, accepted, or in wrap-up (Flex keeps those listed).
   */
  private WorkerState state(Worker w) {
    List<ReservationState> live =
        reservations.values().stream()
            .filter(
                r ->
                    r.worker == w
                        && (r.status.equals("pending")
                            || r.status.equals("accepted")
                            || r.status.equals("wrapping")))
            .map(TaskRouter::state)
            .toList();
    return new WorkerState(
        w.sid,
        w.identity(),
        w.friendlyName,
        w.activity.friendlyName(),
        w.activity.available(),
        live);
  }

  private static ReservationState state(Reservation r) {
    return new ReservationState(r.sid, r.task.sid, r.worker.sid, r.status);
  }

  /**
   * The agent's accept or reject; empty for an unknown reservation, 400 (TwilioException) when not
   * pending.
   */
  public Optional<ReservationState> decide(String reservationSid, boolean accept) {
    return locked(
        () -> {
          Reservation r = reservations.get(reservationSid);
          if (r == null) {
            return Optional.empty();
          }
          updateReservation(r, accept ? "accepted" : "rejected", null, null);
          return Optional.of(state(r));
        });
  }

  /** Sets a worker's activity by name (case-insensitive) or sid; empty for an unknown worker. */
  public Optional<WorkerState> setActivity(String workerSid, String activityNameOrSid) {
    return locked(
        () -> {
          Worker w = workers.get(workerSid);
          if (w == null) {
            return Optional.empty();
          }
          Activity a =
              activities.values().stream()
                  .filter(
                      x ->
                          x.sid().equals(activityNameOrSid)
                              || x.friendlyName().equalsIgnoreCase(activityNameOrSid))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "unknown activity "
                                  + activityNameOrSid
                                  + "; one of "
                                  + activities.values().stream()
                                      .map(Activity::friendlyName)
                                      .toList()));
          changeActivity(w, a);
          assign();
          return Optional.of(state(w));
        });
  }

  /** The workers as IAM needs them to issue agent tokens. */
  public WorkerDirectory directory() {
    return new WorkerDirectory() {
      @Override
      public Optional<Agent> byIdentity(String identity) {
        return all().stream().filter(a -> a.identity().equals(identity)).findFirst();
      }

      @Override
      public List<Agent> all() {
        return locked(
            () ->
                workers.values().stream()
                    .filter(w -> w.identity() != null)
                    .map(
                        w -> {
                          List<String> roles = new ArrayList<>();
                          w.attributes.path("roles").forEach(r -> roles.add(r.asText()));
                          return new Agent(
                              w.sid,
                              w.identity(),
                              w.friendlyName,
                              List.copyOf(roles.isEmpty() ? List.of("agent") : roles));
                        })
                    .toList());
      }
    };
  }

  List<Task> tasksSnapshot() {
    return new ArrayList<>(tasks.values());
  }
}
