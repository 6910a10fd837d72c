package dev.flexkit.sandbox.taskrouter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.sandbox.iam.FlexIdentity;
import dev.flexkit.sandbox.webhooks.WebhookDispatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Flex account the sandbox starts with, with SIDs that are the same on every start so that
 * configuration copied from {@code /sandbox/api/info} keeps working: Flex's default workspace,
 * activities and task channels, two queues, three agents (one Offline) and two workflows.
 */
public final class TaskRouterSeed {
  public static final String WORKSPACE_SID = sid("WS", 1);
  public static final String EVERYONE_QUEUE_SID = sid("WQ", 1);
  public static final String SALES_QUEUE_SID = sid("WQ", 2);
  public static final String ASSIGN_TO_ANYONE_WORKFLOW_SID = sid("WW", 1);
  public static final String ALICE_WORKER_SID = sid("WK", 1);
  public static final String BOB_WORKER_SID = sid("WK", 2);
  public static final String CAROL_WORKER_SID = sid("WK", 3);
  public static final String OFFLINE_ACTIVITY_SID = sid("WA", 1);
  public static final String AVAILABLE_ACTIVITY_SID = sid("WA", 2);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Integer> CAPACITY = Map.of("chat", 3, "sms", 3);

  private TaskRouterSeed() {}

  static String sid(String prefix, int n) {
    return prefix + "f1e8c0de" + String.format("%024x", n);
  }

  public static TaskRouter create(String accountSid, Clock clock, WebhookDispatcher webhooks) {
    Instant now = clock.instant();
    Workspace ws = new Workspace(WORKSPACE_SID, "Flex Task Assignment", now);
    TaskRouter tr = new TaskRouter(accountSid, clock, webhooks, ws);

    int n = 0;
    for (String[] a :
        new String[][] {
          {"Offline", "false"}, {"Available", "true"}, {"Unavailable", "false"}, {"Break", "false"}
        }) {
      Activity activity = new Activity(sid("WA", ++n), a[0], Boolean.parseBoolean(a[1]), now);
      tr.activities.put(activity.sid(), activity);
    }
    Activity offline = byName(tr, "Offline");
    ws.defaultActivity = offline;
    ws.timeoutActivity = offline;

    n = 0;
    for (String[] c :
        new String[][] {
          {"default", "Default"},
          {"voice", "Voice"},
          {"chat", "Programmable Chat"},
          {"sms", "SMS"},
          {"video", "Video"},
          {"email", "Email"}
        }) {
      TaskChannel channel = new TaskChannel(sid("TC", ++n), c[0], c[1], now);
      tr.taskChannels.put(channel.sid(), channel);
    }

    tr.queues.put(
        EVERYONE_QUEUE_SID,
        new TaskQueue(EVERYONE_QUEUE_SID, "Everyone", TaskRouterExpression.parse("1==1"), now));
    tr.queues.put(
        SALES_QUEUE_SID,
        new TaskQueue(
            SALES_QUEUE_SID,
            "Sales",
            TaskRouterExpression.parse("routing.skills HAS \"sales\""),
            now));

    agent(
        tr,
        ALICE_WORKER_SID,
        "alice@example.com",
        "Alice Agent",
        List.of("agent"),
        List.of("sales", "support"),
        "Available",
        now);
    agent(
        tr,
        BOB_WORKER_SID,
        "bob@example.com",
        "Bob Agent",
        List.of("agent"),
        List.of("support"),
        "Available",
        now);
    agent(
        tr,
        CAROL_WORKER_SID,
        "carol@example.com",
        "Carol Supervisor",
        List.of("agent", "supervisor"),
        List.of("sales"),
        "Offline",
        now);

    workflow(
        tr,
        ASSIGN_TO_ANYONE_WORKFLOW_SID,
        "Assign to Anyone",
        "{\"task_routing\":{\"filters\":[],\"default_filter\":{\"queue\":\""
            + EVERYONE_QUEUE_SID
            + "\"}}}",
        now);
    return tr;
  }

  private static Activity byName(TaskRouter tr, String name) {
    return tr.activities.values().stream()
        .filter(a -> a.friendlyName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Attributes as Flex writes them for an SSO user: identity encoded in {@code contact_uri}. */
  private static void agent(
      TaskRouter tr,
      String sid,
      String email,
      String fullName,
      List<String> roles,
      List<String> skills,
      String activity,
      Instant now) {
    ObjectNode attrs = JSON.createObjectNode();
    attrs.put("contact_uri", "client:" + FlexIdentity.encode(email));
    attrs.put("full_name", fullName);
    attrs.put("email", email);
    attrs.put("image_url", "");
    roles.forEach(attrs.putArray("roles")::add);
    ObjectNode routing = attrs.putObject("routing");
    ArrayNode skillList = routing.putArray("skills");
    skills.forEach(skillList::add);
    routing.putObject("levels");
    ObjectNode disabled = attrs.putObject("disabled_skills");
    disabled.putArray("skills");
    disabled.putObject("levels");
    Worker w = new Worker(sid, email, attrs.toString(), attrs, byName(tr, activity), now);
    int n = Integer.parseInt(sid.substring(sid.length() - 4), 16) * 16;
    for (TaskChannel c : tr.taskChannels.values()) {
      w.channels.put(
          c.uniqueName(),
          new Worker.Channel(sid("WC", ++n), c, CAPACITY.getOrDefault(c.uniqueName(), 1), now));
    }
    tr.workers.put(sid, w);
  }

  private static void workflow(
      TaskRouter tr, String sid, String name, String configuration, Instant now) {
    tr.workflows.put(
        sid,
        new Workflow(
            sid,
            name,
            configuration,
            WorkflowConfiguration.parse(configuration, tr.queues::containsKey),
            now));
  }
}
