package dev.flexkit.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.twilio.TwilioFailures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Twilio's side of a transfer in memory: tasks, workers, queues and channels the test sets up, a
 * log of every step called (in order), and failures to inject into a named step.
 */
final class FakeInteractionSteps implements InteractionSteps {
  /** One step as called: its name (the interface method) and its main argument. */
  record Call(String step, String target) {}

  final Map<String, TaskView> tasks = new HashMap<>();
  final Set<String> ownership = new HashSet<>();
  final Map<String, WorkerView> workers = new LinkedHashMap<>();
  final Map<String, QueueView> queues = new LinkedHashMap<>();
  final Map<String, WorkflowView> workflows = new LinkedHashMap<>();
  final Map<String, List<ChannelParticipant>> channels = new HashMap<>();

  /** The routing properties of each invite, in order (failed ones too). */
  final List<Map<String, Object>> invites = Collections.synchronizedList(new ArrayList<>());

  /** The reason given with each canceled task. */
  final Map<String, String> cancelReasons = Collections.synchronizedMap(new HashMap<>());

  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, List<RuntimeException>> failures = new HashMap<>();
  private int invited;

  /** The next call of {@code step} throws {@code failure} (queued: call twice to fail twice). */
  FakeInteractionSteps failNext(String step, RuntimeException failure) {
    failures.computeIfAbsent(step, k -> new ArrayList<>()).add(failure);
    return this;
  }

  void owns(String taskSid, String workerSid) {
    ownership.add(taskSid + "/" + workerSid);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<String> steps() {
    return calls().stream().map(Call::step).toList();
  }

  void forget() {
    calls.clear();
    invites.clear();
    cancelReasons.clear();
  }

  private synchronized void step(String step, String target) {
    calls.add(new Call(step, target));
    List<RuntimeException> queued = failures.get(step);
    if (queued != null && !queued.isEmpty()) {
      throw queued.remove(0);
    }
  }

  /** The step's record of {@code sid}; Twilio's 404 when there is none. */
  private static <T> T found(Map<String, T> records, String sid, String operation) {
    T found = records.get(sid);
    if (found == null) {
      throw TwilioFailures.answered(404, operation);
    }
    return found;
  }

  @Override
  public TaskView task(String taskSid) {
    step("task", taskSid);
    return found(tasks, taskSid, "fetch task");
  }

  @Override
  public boolean acceptedBy(String taskSid, String workerSid) {
    step("acceptedBy", taskSid);
    return ownership.contains(taskSid + "/" + workerSid);
  }

  @Override
  public WorkerView worker(String workerSid, String taskChannel) {
    step("worker", workerSid);
    return found(workers, workerSid, "fetch worker");
  }

  @Override
  public List<WorkerView> workers(String taskChannel) {
    step("workers", taskChannel);
    return List.copyOf(workers.values());
  }

  @Override
  public QueueView queue(String queueSid, String excludingWorkerSid) {
    step("queue", queueSid);
    return found(queues, queueSid, "fetch queue");
  }

  @Override
  public List<QueueView> queues(String excludingWorkerSid) {
    step("queues", excludingWorkerSid);
    return List.copyOf(queues.values());
  }

  @Override
  public WorkflowView workflow(String workflowSid) {
    step("workflow", workflowSid);
    return found(workflows, workflowSid, "fetch workflow");
  }

  @Override
  public List<WorkflowView> workflows() {
    step("workflows", null);
    return List.copyOf(workflows.values());
  }

  @Override
  public List<ChannelParticipant> participants(String interactionSid, String channelSid) {
    step("participants", channelSid);
    return List.copyOf(channels.getOrDefault(channelSid, List.of()));
  }

  @Override
  public String invite(String interactionSid, String channelSid, Map<String, Object> properties) {
    invites.add(new LinkedHashMap<>(properties));
    step("invite", channelSid);
    synchronized (this) {
      invited++;
      return String.format("WT%032x", 0xF000 + invited);
    }
  }

  @Override
  public Map<String, Object> routingProperties(String taskChannel, ObjectNode attributes) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("workspace_sid", "WS0");
    p.put("task_channel_unique_name", taskChannel);
    p.put("attributes", attributes);
    return p;
  }

  @Override
  public void closeParticipant(String interactionSid, String channelSid, String participantSid) {
    step("closeParticipant", participantSid);
  }

  @Override
  public void cancelTask(String taskSid, String reason) {
    cancelReasons.put(taskSid, reason);
    step("cancelTask", taskSid);
  }

  @Override
  public void rejectReservation(String taskSid, String reservationSid) {
    step("rejectReservation", reservationSid);
  }

  @Override
  public void closeChannel(String interactionSid, String channelSid) {
    step("closeChannel", channelSid);
  }
}
