package dev.flexkit.sandbox.taskrouter;

import static dev.flexkit.sandbox.junit.TwilioHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The TaskRouter calls the rule tests make, over plain HTTP. Each test routes to a queue of its own
 * ({@code rule == "rNN"}) with workers of its own, so the seeded agents never take its tasks.
 */
final class TaskRouterHttp {
  private static final AtomicInteger NAMES = new AtomicInteger();

  final TwilioHttp http;
  final String ws;

  TaskRouterHttp(TwilioSandbox twilio) {
    this.http = new TwilioHttp(twilio);
    this.ws = "/taskrouter/v1/Workspaces/" + twilio.taskRouter().workspaceSid();
  }

  String tasks() {
    return ws + "/Tasks";
  }

  String task(String sid) {
    return ws + "/Tasks/" + sid;
  }

  /** A queue admitting only workers whose attribute {@code rule} is {@code rule}. */
  String queue(String rule) {
    return json(http.post(
            ws + "/TaskQueues",
            "FriendlyName",
            rule + "-" + NAMES.incrementAndGet(),
            "TargetWorkers",
            "rule == \"" + rule + "\""))
        .path("sid")
        .asText();
  }

  /** An Available worker with attribute {@code rule}, capacity 1 on every channel. */
  String worker(String rule) {
    return json(http.post(
            ws + "/Workers",
            "FriendlyName",
            rule + "-worker-" + NAMES.incrementAndGet(),
            "Attributes",
            "{\"rule\":\"" + rule + "\"}",
            "ActivitySid",
            TaskRouterSeed.AVAILABLE_ACTIVITY_SID))
        .path("sid")
        .asText();
  }

  HttpResponse<String> createTask(String... pairs) {
    return http.post(tasks(), pairs);
  }

  JsonNode fetchTask(String sid) {
    return json(http.get(task(sid)));
  }

  JsonNode reservations(String taskSid) {
    return json(http.get(task(taskSid) + "/Reservations")).path("reservations");
  }

  HttpResponse<String> updateTask(String sid, String... pairs) {
    return http.post(task(sid), pairs);
  }

  HttpResponse<String> channel(String workerSid, String channel, String... pairs) {
    return http.post(ws + "/Workers/" + workerSid + "/Channels/" + channel, pairs);
  }
}
