package dev.flexkit.sandbox.taskrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.sandbox.wire.TwilioException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A workflow's {@code task_routing}: filters tried in order (the first whose expression matches the
 * task wins), each with targets tried in order, and the default filter for everything else.
 */
record WorkflowConfiguration(List<Filter> filters, Target defaultTarget) {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Filter(String name, TaskRouterExpression expression, List<Target> targets) {}

  /**
   * One routing step. {@code knownWorkerSid}/{@code knownWorkerFriendlyName} hold a reference to a
   * task attribute ({@code task.KnownAgentWorkerSid}); {@code fixedWorkerSid} is for tasks routed
   * straight to one worker by the API.
   */
  record Target(
      String queueSid,
      TaskRouterExpression expression,
      Integer priority,
      Integer timeout,
      String orderBy,
      TaskRouterExpression skipIf,
      TaskRouterExpression knownWorkerSid,
      TaskRouterExpression knownWorkerFriendlyName,
      String fixedWorkerSid) {
    static Target queue(String queueSid) {
      return new Target(queueSid, null, null, null, null, null, null, null, null);
    }

    static Target worker(String queueSid, String workerSid) {
      return new Target(queueSid, null, null, null, null, null, null, null, workerSid);
    }
  }

  /** Parses and validates, as Twilio does on create/update; {@code queueExists} checks WQ sids. */
  static WorkflowConfiguration parse(String json, Predicate<String> queueExists) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (Exception e) {
      throw invalid("Configuration is not valid JSON");
    }
    JsonNode routing = root == null ? null : root.get("task_routing");
    if (routing == null || !routing.isObject()) {
      throw invalid("Configuration must have a task_routing object");
    }
    List<Filter> filters = new ArrayList<>();
    JsonNode filterNodes = routing.path("filters");
    if (!filterNodes.isMissingNode() && !filterNodes.isArray()) {
      throw invalid("task_routing.filters must be an array");
    }
    for (JsonNode f : filterNodes) {
      String name =
          f.path("filter_friendly_name")
              .asText(f.path("friendly_name").asText("filter " + filters.size()));
      TaskRouterExpression expression =
          expression(f.get("expression"), "filter '" + name + "' expression", true);
      List<Target> targets = new ArrayList<>();
      String inherited = null;
      if (!f.path("targets").isArray() || f.path("targets").isEmpty()) {
        throw invalid("filter '" + name + "' must have at least one target");
      }
      for (JsonNode t : f.path("targets")) {
        Target target = target(t, inherited, queueExists, "filter '" + name + "' target");
        inherited = target.queueSid();
        targets.add(target);
      }
      filters.add(new Filter(name, expression, List.copyOf(targets)));
    }
    JsonNode defaultFilter = routing.get("default_filter");
    Target defaultTarget = null;
    if (defaultFilter != null && !defaultFilter.isNull()) {
      defaultTarget = target(defaultFilter, null, queueExists, "default_filter");
    }
    return new WorkflowConfiguration(List.copyOf(filters), defaultTarget);
  }

  /** The targets for this task: the first matching filter's, else the default filter. */
  List<Target> route(JsonNode taskAttributes) {
    for (Filter f : filters) {
      if (f.expression().matches(taskAttributes)) {
        return f.targets();
      }
    }
    return defaultTarget == null ? List.of() : List.of(defaultTarget);
  }

  /** The name of the filter that {@link #route} chose, for events. */
  String matchedFilterName(JsonNode taskAttributes) {
    return filters.stream()
        .filter(f -> f.expression().matches(taskAttributes))
        .map(Filter::name)
        .findFirst()
        .orElse("Default Filter");
  }

  private static Target target(
      JsonNode t, String inheritedQueue, Predicate<String> queueExists, String where) {
    if (!t.isObject()) {
      throw invalid(where + " must be an object");
    }
    String queue = t.hasNonNull("queue") ? t.get("queue").asText() : inheritedQueue;
    if (queue == null) {
      throw invalid(where + " needs a queue");
    }
    if (!queueExists.test(queue)) {
      throw invalid(where + " names unknown queue " + queue);
    }
    if (t.hasNonNull("known_worker_sid") && t.hasNonNull("known_worker_friendly_name")) {
      throw invalid(
          where + " may have only one of known_worker_sid and known_worker_friendly_name");
    }
    return new Target(
        queue,
        expression(t.get("expression"), where + " expression", false),
        number(t.get("priority"), where + " priority"),
        number(t.get("timeout"), where + " timeout"),
        t.hasNonNull("order_by") ? t.get("order_by").asText() : null,
        expression(t.get("skip_if"), where + " skip_if", false),
        expression(t.get("known_worker_sid"), where + " known_worker_sid", false),
        expression(
            t.get("known_worker_friendly_name"), where + " known_worker_friendly_name", false),
        null);
  }

  private static TaskRouterExpression expression(JsonNode node, String where, boolean required) {
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      if (required) {
        throw invalid(where + " is required");
      }
      return null;
    }
    try {
      return TaskRouterExpression.parse(node.asText());
    } catch (TaskRouterExpression.Invalid e) {
      throw invalid(where + " is invalid: " + e.getMessage());
    }
  }

  /** Twilio's own examples quote numbers ({@code "timeout": "100"}); both forms are accepted. */
  private static Integer number(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.intValue();
    }
    try {
      return Integer.parseInt(node.asText().trim());
    } catch (NumberFormatException e) {
      throw invalid(where + " must be a number");
    }
  }

  private static TwilioException invalid(String why) {
    return new TwilioException(400, 20001, "Invalid Workflow Configuration: " + why);
  }
}
