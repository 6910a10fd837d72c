package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.traffic.CallLog;
import dev.flexkit.sandbox.traffic.Faults;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Talks to a running kit the way the plugin and the sandbox's people do. */
final class OutboundFixture {
  static final ObjectMapper JSON = new ObjectMapper();
  final RunningKit kit;

  OutboundFixture(RunningKit kit) {
    this.kit = kit;
  }

  String token(String identity) throws Exception {
    return JSON.readTree(
            post("/sandbox/api/tokens", "{\"identity\":\"" + identity + "\"}", null).body())
        .path("token")
        .asText();
  }

  HttpResponse<String> post(String path, String json, String token, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(kit.url(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return kit.send(b.build());
  }

  /** A form post, as the reference plugin and Twilio Functions callers send. */
  HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(kit.url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return kit.send(b.build());
  }

  HttpResponse<String> send(String token, String json, String... headers) {
    return post("/api/outbound/messages", json, token, headers);
  }

  HttpResponse<String> get(String path, String token) {
    return kit.get(path, "Authorization", "Bearer " + token);
  }

  HttpResponse<String> delete(String path, String token) {
    return kit.send(
        HttpRequest.newBuilder(kit.url(path))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build());
  }

  void customerWrites(String from, String to, String body) {
    HttpResponse<String> r =
        post(
            "/sandbox/api/customers/messages",
            JSON.createObjectNode().put("from", from).put("to", to).put("body", body).toString(),
            null);
    if (r.statusCode() != 201) {
      throw new AssertionError(r.body());
    }
    settle();
  }

  void settle() {
    kit.settle();
  }

  List<String> inbox(String customer) throws Exception {
    List<String> bodies = new ArrayList<>();
    JSON.readTree(kit.get("/sandbox/api/customers/" + customer + "/messages").body())
        .path("messages")
        .forEach(m -> bodies.add(m.path("body").asText()));
    return bodies;
  }

  /** The statuses of the reservations a worker holds. */
  List<String> reservations(String workerSid) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode w : JSON.readTree(kit.get("/sandbox/api/workers").body()).path("workers")) {
      if (w.path("sid").asText().equals(workerSid)) {
        w.path("reservations").forEach(r -> out.add(r.path("status").asText()));
      }
    }
    return out;
  }

  List<CallLog.Call> calls() {
    return kit.sandbox().calls().all();
  }

  long count(String method, String pathRegex) {
    return calls().stream()
        .filter(c -> c.method().equals(method) && c.path().matches(pathRegex))
        .count();
  }

  void fail(String match, int nth) {
    kit.sandbox().faults().add(new Faults.Rule(match, Faults.Kind.STATUS, 500, 0, nth, 1, 0));
  }

  /**
   * Conversations holding the customer that are not closed: after a failed send there must be none.
   */
  List<String> openConversations(String customer) {
    return kit.sandbox().conversations().memberships(customer, null).stream()
        .filter(m -> !m.conversation().isClosed())
        .map(m -> m.conversation().sid())
        .toList();
  }

  /**
   * Tasks about this customer still waiting for, offered to or held by an agent, read from
   * TaskRouter.
   */
  List<String> liveTasksFor(String customer) throws Exception {
    List<String> live = new ArrayList<>();
    for (String status : List.of("pending", "reserved", "assigned")) {
      HttpResponse<String> r = taskRouterGet("/Tasks?PageSize=1000&AssignmentStatus=" + status);
      for (JsonNode t : JSON.readTree(r.body()).path("tasks")) {
        // A list carries no attributes (R41): fetch each task, as real code must.
        String sid = t.path("sid").asText();
        if (task(sid).path("attributes").asText().contains(customer)) {
          live.add(sid);
        }
      }
    }
    return live;
  }

  /** A task as TaskRouter's REST API fetches it. */
  JsonNode task(String taskSid) throws Exception {
    return JSON.readTree(taskRouterGet("/Tasks/" + taskSid).body());
  }

  private HttpResponse<String> taskRouterGet(String path) {
    var account = kit.sandbox().account();
    String auth =
        Base64.getEncoder()
            .encodeToString(
                (account.accountSid() + ":" + account.authToken())
                    .getBytes(StandardCharsets.UTF_8));
    return kit.get(
        "/twilio/taskrouter/v1/Workspaces/" + kit.sandbox().taskRouter().workspaceSid() + path,
        "Authorization",
        "Basic " + auth);
  }

  /**
   * The reserved task on this conversation. Flex sets an interaction's task up after answering
   * (R28), so this waits for it, up to 5 s.
   */
  String reservedTaskOn(String conversationSid) throws Exception {
    Instant deadline = Instant.now().plusSeconds(5);
    while (Instant.now().isBefore(deadline)) {
      for (var worker : kit.sandbox().taskRouter().workerStates()) {
        for (var reservation : worker.reservations()) {
          if (taskAttributes(reservation.taskSid())
              .path("conversationSid")
              .asText()
              .equals(conversationSid)) {
            return reservation.taskSid();
          }
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no task reserved on " + conversationSid + " within 5 s");
  }

  /** A task's attributes as TaskRouter holds them. */
  JsonNode taskAttributes(String taskSid) throws Exception {
    Object raw = kit.sandbox().taskRouter().flexSnapshot(taskSid).orElseThrow().get("attributes");
    return JSON.readTree(String.valueOf(raw));
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }
}
