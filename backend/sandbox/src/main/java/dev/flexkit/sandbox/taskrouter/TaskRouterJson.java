package dev.flexkit.sandbox.taskrouter;

import static dev.flexkit.sandbox.wire.TwilioTime.iso;

import dev.flexkit.sandbox.wire.TwilioUrls;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TaskRouter v1 resources in Twilio's JSON shape: every field the spec declares, null where
 * unknown.
 */
final class TaskRouterJson {
  private final String accountSid;

  TaskRouterJson(String accountSid) {
    this.accountSid = accountSid;
  }

  static String url(String path) {
    return TwilioUrls.url("taskrouter", "/v1" + path);
  }

  private static String ws(Workspace w) {
    return "/Workspaces/" + w.sid;
  }

  Map<String, Object> workspace(Workspace w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", accountSid);
    m.put("date_created", iso(w.dateCreated));
    m.put("date_updated", iso(w.dateUpdated));
    m.put(
        "default_activity_name",
        w.defaultActivity == null ? null : w.defaultActivity.friendlyName());
    m.put("default_activity_sid", w.defaultActivity == null ? null : w.defaultActivity.sid());
    m.put("event_callback_url", w.eventCallbackUrl);
    m.put("events_filter", w.eventsFilter);
    m.put("friendly_name", w.friendlyName);
    m.put("multi_task_enabled", true);
    m.put("sid", w.sid);
    m.put(
        "timeout_activity_name",
        w.timeoutActivity == null ? null : w.timeoutActivity.friendlyName());
    m.put("timeout_activity_sid", w.timeoutActivity == null ? null : w.timeoutActivity.sid());
    m.put("prioritize_queue_order", "FIFO");
    m.put("url", url(ws(w)));
    Map<String, String> links = new LinkedHashMap<>();
    for (String sub :
        new String[] {
          "Activities",
          "Tasks",
          "TaskQueues",
          "Workers",
          "Workflows",
          "TaskChannels",
          "Events",
          "Statistics",
          "RealTimeStatistics",
          "CumulativeStatistics"
        }) {
      links.put(snake(sub), url(ws(w) + "/" + sub));
    }
    m.put("links", links);
    return m;
  }

  Map<String, Object> activity(Workspace w, Activity a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", accountSid);
    m.put("available", a.available());
    m.put("date_created", iso(a.dateCreated()));
    m.put("date_updated", iso(a.dateCreated()));
    m.put("friendly_name", a.friendlyName());
    m.put("sid", a.sid());
    m.put("workspace_sid", w.sid);
    m.put("url", url(ws(w) + "/Activities/" + a.sid()));
    m.put("links", Map.of("workspace", url(ws(w))));
    return m;
  }

  Map<String, Object> taskChannel(Workspace w, TaskChannel c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", accountSid);
    m.put("date_created", iso(c.dateCreated()));
    m.put("date_updated", iso(c.dateCreated()));
    m.put("friendly_name", c.friendlyName());
    m.put("sid", c.sid());
    m.put("unique_name", c.uniqueName());
    m.put("workspace_sid", w.sid);
    m.put("channel_optimized_routing", null);
    m.put("url", url(ws(w) + "/TaskChannels/" + c.sid()));
    m.put("links", Map.of("workspace", url(ws(w))));
    return m;
  }

  Map<String, Object> workflow(Workspace w, Workflow f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", accountSid);
    m.put("assignment_callback_url", f.assignmentCallbackUrl);
    m.put("configuration", f.configurationJson);
    m.put("date_created", iso(f.dateCreated));
    m.put("date_updated", iso(f.dateUpdated));
    m.put("document_content_type", "application/json");
    m.put("fallback_assignment_callback_url", f.fallbackAssignmentCallbackUrl);
    m.put("friendly_name", f.friendlyName);
    m.put("sid", f.sid);
    m.put("task_reservation_timeout", f.taskReservationTimeout);
    m.put("workspace_sid", w.sid);
    String self = ws(w) + "/Workflows/" + f.sid;
    m.put("url", url(self));
    m.put(
        "links",
        Map.of(
            "statistics",
            url(self + "/Statistics"),
            "real_time_statistics",
            url(self + "/RealTimeStatistics"),
            "cumulative_statistics",
            url(self + "/CumulativeStatistics")));
    return m;
  }

  Map<String, Object> taskQueue(Workspace w, TaskQueue q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", accountSid);
    m.put("assignment_activity_sid", null);
    m.put("assignment_activity_name", null);
    m.put("date_created", iso(q.dateCreated));
    m.put("date_updated", iso(q.dateUpdated));
    m.put("friendly_name", q.friendlyName);
    m.put("max_reserved_workers", q.maxReservedWorkers);
    m.put("reservation_activity_sid", null);
    m.put("reservation_activity_name", null);
    m.put("sid", q.sid);
    m.put("target_workers", q.targetWorkers.text());
    m.put("task_order", q.taskOrder);
    String self = ws(w) + "/TaskQueues/" + q.sid;
    m.put("url", url(self));
    m.put("workspace_sid", w.sid);
    m.put(
        "links",
        Map.of(
            "workspace",
            url(ws(w)),
            "statistics",
            url(self + "/Statistics"),
            "real_time_statistics",
            url(self + "/RealTimeStatistics"),
            "cumulative_statistics",
            url(self + "/CumulativeStatistics"),
            "list_statistics",
            url(ws(w) + "/TaskQueues/Statistics"),
            "bulk_real_time_statistics",
            url(ws(w) + "/TaskQueues/RealTimeStatistics")));
    return m;
  }

  Map<String, Object> worker(Workspace w, Worker k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", accountSid);
    m.put("activity_name", k.activity.friendlyName());
    m.put("activity_sid", k.activity.sid());
    m.put("attributes", k.attributesJson);
    m.put("available", k.activity.available());
    m.put("date_created", iso(k.dateCreated));
    m.put("date_status_changed", iso(k.dateStatusChanged));
    m.put("date_updated", iso(k.dateUpdated));
    m.put("friendly_name", k.friendlyName);
    m.put("sid", k.sid);
    m.put("workspace_sid", w.sid);
    String self = ws(w) + "/Workers/" + k.sid;
    m.put("url", url(self));
    m.put(
        "links",
        Map.of(
            "channels",
            url(self + "/Channels"),
            "reservations",
            url(self + "/Reservations"),
            "activity",
            url(ws(w) + "/Activities/" + k.activity.sid()),
            "workspace",
            url(ws(w)),
            "worker_statistics",
            url(self + "/Statistics")));
    return m;
  }

  Map<String, Object> workerChannel(Workspace w, Worker k, Worker.Channel c, int assigned) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", accountSid);
    m.put("assigned_tasks", assigned);
    m.put("available", c.available);
    m.put(
        "available_capacity_percentage",
        c.capacity <= 0 ? 0 : Math.max(0, (c.capacity - assigned) * 100 / c.capacity));
    m.put("configured_capacity", c.capacity);
    m.put("date_created", iso(c.dateCreated));
    m.put("date_updated", iso(c.dateUpdated));
    m.put("sid", c.sid);
    m.put("task_channel_sid", c.taskChannel.sid());
    m.put("task_channel_unique_name", c.taskChannel.uniqueName());
    m.put("worker_sid", k.sid);
    m.put("workspace_sid", w.sid);
    m.put("url", url(ws(w) + "/Workers/" + k.sid + "/Channels/" + c.sid));
    return m;
  }

  Map<String, Object> task(Workspace w, Task t, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", accountSid);
    m.put("age", seconds(t.dateCreated, now));
    m.put("assignment_status", t.assignmentStatus);
    m.put("attributes", t.attributesJson);
    m.put("addons", "{}");
    m.put("date_created", iso(t.dateCreated));
    m.put("date_updated", iso(t.dateUpdated));
    m.put("task_queue_entered_date", iso(t.queueEnteredAt));
    m.put("priority", t.priority);
    m.put("reason", t.reason);
    m.put("sid", t.sid);
    m.put("task_queue_sid", t.queue == null ? null : t.queue.sid);
    m.put("task_queue_friendly_name", t.queue == null ? null : t.queue.friendlyName);
    m.put("task_channel_sid", t.taskChannel.sid());
    m.put("task_channel_unique_name", t.taskChannel.uniqueName());
    m.put("timeout", t.timeout);
    m.put("workflow_sid", t.workflow == null ? null : t.workflow.sid);
    m.put("workflow_friendly_name", t.workflow == null ? null : t.workflow.friendlyName);
    m.put("workspace_sid", w.sid);
    String self = ws(w) + "/Tasks/" + t.sid;
    m.put("url", url(self));
    Map<String, String> links = new LinkedHashMap<>();
    if (t.queue != null) {
      links.put("task_queue", url(ws(w) + "/TaskQueues/" + t.queue.sid));
    }
    if (t.workflow != null) {
      links.put("workflow", url(ws(w) + "/Workflows/" + t.workflow.sid));
    }
    links.put("workspace", url(ws(w)));
    links.put("reservations", url(self + "/Reservations"));
    m.put("links", links);
    m.put("virtual_start_time", iso(t.dateCreated));
    m.put("ignore_capacity", t.ignoreCapacity);
    m.put("routing_target", t.routingTarget);
    return m;
  }

  /**
   * The task as Flex Interactions echo it in {@code routing.properties}: snake_case except {@code
   * assignmentCounter}, dates as epoch seconds, attributes as a JSON string.
   */
  Map<String, Object> flexSnapshot(Workspace w, Task t, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sid", t.sid);
    m.put("account_sid", accountSid);
    m.put("workspace_sid", w.sid);
    m.put("workflow_sid", t.workflow == null ? null : t.workflow.sid);
    m.put("workflow_name", t.workflow == null ? null : t.workflow.friendlyName);
    m.put("queue_sid", t.queue == null ? null : t.queue.sid);
    m.put("queue_name", t.queue == null ? null : t.queue.friendlyName);
    m.put("task_channel_sid", t.taskChannel.sid());
    m.put("task_channel_unique_name", t.taskChannel.uniqueName());
    m.put("assignment_status", t.assignmentStatus);
    m.put("priority", t.priority);
    m.put("age", seconds(t.dateCreated, now));
    m.put("age_in_queue", t.queueEnteredAt == null ? 0 : seconds(t.queueEnteredAt, now));
    m.put("timeout", t.timeout);
    m.put("reason", t.reason);
    m.put("routing_target", t.routingTarget);
    m.put("assignmentCounter", t.assignmentCounter);
    m.put("addons", "{}");
    m.put("date_created", t.dateCreated.getEpochSecond());
    m.put("date_updated", t.dateUpdated.getEpochSecond());
    m.put(
        "task_queue_entered_date",
        t.queueEnteredAt == null ? null : t.queueEnteredAt.getEpochSecond());
    m.put("attributes", t.attributesJson);
    return m;
  }

  Map<String, Object> reservation(Workspace w, Reservation r, boolean underWorker) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", accountSid);
    m.put("date_created", iso(r.dateCreated));
    m.put("date_updated", iso(r.dateUpdated));
    m.put("reservation_status", r.status);
    m.put("sid", r.sid);
    m.put("task_sid", r.task.sid);
    m.put("worker_name", r.worker.friendlyName);
    m.put("worker_sid", r.worker.sid);
    m.put("workspace_sid", w.sid);
    m.put(
        "url",
        url(
            ws(w)
                + (underWorker ? "/Workers/" + r.worker.sid : "/Tasks/" + r.task.sid)
                + "/Reservations/"
                + r.sid));
    m.put(
        "links",
        Map.of(
            "task",
            url(ws(w) + "/Tasks/" + r.task.sid),
            "worker",
            url(ws(w) + "/Workers/" + r.worker.sid),
            "workspace",
            url(ws(w))));
    return m;
  }

  private static long seconds(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toSeconds());
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
  }
}
