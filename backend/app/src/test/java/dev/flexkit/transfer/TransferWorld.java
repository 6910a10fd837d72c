package dev.flexkit.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.conversations.Participant;
import dev.flexkit.sandbox.taskrouter.TaskRouter;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import dev.flexkit.sandbox.traffic.Faults;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A running kit where Alice holds a customer's SMS chat, and the moves the tests make around it.
 */
final class TransferWorld implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ALICE = TaskRouterSeed.ALICE_WORKER_SID;
  static final String BOB = TaskRouterSeed.BOB_WORKER_SID;
  static final String CAROL = TaskRouterSeed.CAROL_WORKER_SID;
  static final String EVERYONE = TaskRouterSeed.EVERYONE_QUEUE_SID;
  static final String SALES = TaskRouterSeed.SALES_QUEUE_SID;
  static final String ANYONE_WORKFLOW = TaskRouterSeed.ASSIGN_TO_ANYONE_WORKFLOW_SID;
  private static final AtomicInteger CUSTOMERS = new AtomicInteger();

  final RunningKit kit;
  final String customer = "+1555010" + String.format("%04d", CUSTOMERS.incrementAndGet());
  String taskSid;
  String conversationSid;
  private final Map<String, String> tokens = new java.util.HashMap<>();

  TransferWorld() {
    kit = RunningKit.start();
    // Every journey runs where Twilio requires a workflow_sid on every invite (R29): the seeded
    // Assign to Anyone, and the two workflows the kit made through the API at start.
    Set<String> workflows =
        taskRouter().workflowNames().stream()
            .map(TaskRouter.Named::name)
            .collect(Collectors.toSet());
    if (!workflows.equals(
        Set.of(
            "Assign to Anyone",
            "Flex Messaging Kit replies to the sender",
            "Flex Messaging Kit transfers"))) {
      throw new AssertionError("workflows: " + workflows);
    }
  }

  TaskRouter taskRouter() {
    return kit.sandbox().taskRouter();
  }

  /** The customer texts in; Bob is away for a moment so the chat lands with Alice, who accepts. */
  TransferWorld aliceHoldsTheChat() throws Exception {
    taskRouter().setActivity(BOB, "Offline");
    HttpResponse<String> r =
        post(
            "/sandbox/api/customers/messages",
            null,
            Map.of(
                "from",
                customer,
                "to",
                kit.sandbox().numbers().sms().get(0),
                "body",
                "I need help with my order"));
    if (r.statusCode() != 201) {
      throw new AssertionError(r.body());
    }
    settle();
    TaskRouter.ReservationState offered = pendingReservation(ALICE);
    taskSid = offered.taskSid();
    taskRouter().decide(offered.sid(), true);
    taskRouter().setActivity(BOB, "Available");
    settle();
    conversationSid =
        kit.sandbox().conversations().list(null, null, null).stream()
            .filter(
                c ->
                    kit.sandbox().conversations().participants(c.sid()).stream()
                        .anyMatch(p -> customer.equals(p.address())))
            .findFirst()
            .orElseThrow()
            .sid();
    return this;
  }

  void settle() {
    kit.settle();
  }

  TaskRouter.ReservationState pendingReservation(String workerSid) {
    return reservations(workerSid).stream()
        .filter(r -> r.status().equals("pending"))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    workerSid + " has no pending reservation: " + taskRouter().workerStates()));
  }

  List<TaskRouter.ReservationState> reservations(String workerSid) {
    return taskRouter().workerStates().stream()
        .filter(w -> w.sid().equals(workerSid))
        .findFirst()
        .orElseThrow()
        .reservations();
  }

  void answer(String workerSid, boolean accept) {
    taskRouter().decide(pendingReservation(workerSid).sid(), accept);
    settle();
  }

  /** Identities of the agents (not the customer) in the conversation right now. */
  List<String> agentsInConversation() {
    return kit.sandbox().conversations().participants(conversationSid).stream()
        .filter(p -> !p.isCustomer())
        .map(Participant::identity)
        .toList();
  }

  String conversationState() {
    return kit.sandbox().conversations().get(conversationSid).state();
  }

  String taskStatus(String sid) {
    return taskRouter().taskStatus(sid).orElse("gone");
  }

  /**
   * Tasks on this conversation still waiting for, offered to or held by an agent, read from
   * TaskRouter.
   */
  long liveTasks() throws Exception {
    var account = kit.sandbox().account();
    String auth =
        java.util.Base64.getEncoder()
            .encodeToString((account.accountSid() + ":" + account.authToken()).getBytes());
    long n = 0;
    for (String status : List.of("pending", "reserved", "assigned")) {
      HttpResponse<String> r =
          kit.get(
              "/twilio/taskrouter/v1/Workspaces/"
                  + taskRouter().workspaceSid()
                  + "/Tasks?PageSize=200&AssignmentStatus="
                  + status,
              "Authorization",
              "Basic " + auth);
      for (JsonNode t : JSON.readTree(r.body()).path("tasks")) {
        String attributes =
            taskRouter()
                .flexSnapshot(t.path("sid").asText())
                .map(m -> String.valueOf(m.get("attributes")))
                .orElse("");
        if (attributes.contains(conversationSid)) {
          n++;
        }
      }
    }
    return n;
  }

  /** TaskRouter stops calling us back, as if its webhooks were lost while the service was down. */
  void loseTaskRouterEvents() {
    var account = kit.sandbox().account();
    String auth =
        java.util.Base64.getEncoder()
            .encodeToString((account.accountSid() + ":" + account.authToken()).getBytes());
    HttpResponse<String> r =
        kit.send(
            HttpRequest.newBuilder(
                    kit.url("/twilio/taskrouter/v1/Workspaces/" + taskRouter().workspaceSid()))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("EventCallbackUrl="))
                .build());
    if (r.statusCode() != 200) {
      throw new AssertionError(r.body());
    }
  }

  String inviteAttributes(String inviteTaskSid) {
    return taskRouter()
        .flexSnapshot(inviteTaskSid)
        .map(m -> String.valueOf(m.get("attributes")))
        .orElseThrow();
  }

  String token(String identity) throws Exception {
    if (!tokens.containsKey(identity)) {
      HttpResponse<String> r = post("/sandbox/api/tokens", null, Map.of("identity", identity));
      tokens.put(identity, JSON.readTree(r.body()).path("token").asText());
    }
    return tokens.get(identity);
  }

  HttpResponse<String> transfer(String as, String targetType, String targetSid, String mode)
      throws Exception {
    return post(
        "/api/transfers",
        token(as),
        Map.of(
            "taskSid",
            taskSid,
            "targetType",
            targetType,
            "targetSid",
            targetSid,
            "mode",
            mode,
            "note",
            "Customer asks about a refund"));
  }

  /** A cold transfer of {@code task} to a worker, with no note; fails the test unless it starts. */
  JsonNode transferWithoutNote(String as, String task, String workerSid) throws Exception {
    HttpResponse<String> r =
        post(
            "/api/transfers",
            token(as),
            Map.of(
                "taskSid", task, "targetType", "worker", "targetSid", workerSid, "mode", "cold"));
    if (r.statusCode() != 201) {
      throw new AssertionError(r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  JsonNode transferStatus(String as, String id) throws Exception {
    return JSON.readTree(
        kit.get("/api/transfers/" + id, "Authorization", "Bearer " + token(as)).body());
  }

  HttpResponse<String> post(String path, String token, Object body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(kit.url(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return kit.send(b.build());
  }

  HttpResponse<String> delete(String path, String token) {
    return kit.send(
        HttpRequest.newBuilder(kit.url(path))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build());
  }

  void fault(String match, int status) {
    kit.sandbox().faults().add(new Faults.Rule(match, Faults.Kind.STATUS, status, 0, 1, 1, 1));
  }

  @Override
  public void close() throws Exception {
    kit.close();
  }
}
