package dev.flexkit.sandbox.taskrouter;

import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.wire.Form;
import dev.flexkit.sandbox.wire.ListFilter;
import dev.flexkit.sandbox.wire.Paging;
import dev.flexkit.sandbox.wire.TwilioException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** TaskRouter v1 Tasks and their Reservations. */
@Path("/taskrouter/v1/Workspaces/{ws}/Tasks")
@Produces(MediaType.APPLICATION_JSON)
public final class TaskResource {
  private final TaskRouter tr;

  @Inject
  public TaskResource(SandboxWorld world) {
    this.tr = world.taskRouter();
  }

  static TaskRouterExpression expression(String text, String param) {
    try {
      return TaskRouterExpression.parse(text);
    } catch (TaskRouterExpression.Invalid e) {
      throw TwilioException.invalidParameter(param, e.getMessage());
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@PathParam("ws") String ws, MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    tr.locked(
        () -> {
          tr.checkWorkspace(ws);
          return null;
        });
    String routingTarget = form.get("RoutingTarget").filter(v -> !v.isEmpty()).orElse(null);
    // R46: IgnoreCapacity defaults to true when the task is routed straight to a worker.
    boolean ignoreCapacity =
        form.get("IgnoreCapacity")
            .map(Boolean::parseBoolean)
            .orElse(routingTarget != null && routingTarget.startsWith("WK"));
    TaskRouter.CreatedTask created =
        tr.createTask(
            new TaskRouter.NewTask(
                form.get("WorkflowSid").orElse(null),
                form.get("TaskChannel").orElse(null),
                form.get("Attributes").orElse(null),
                form.integer("Priority").orElse(null),
                form.integer("Timeout").orElse(null),
                form.get("TaskQueueSid").orElse(null),
                routingTarget,
                ignoreCapacity));
    return Response.status(201).entity(created.json()).header("ETag", "\"0\"").build();
  }

  @GET
  @Path("{sid}")
  public Response fetch(@PathParam("ws") String ws, @PathParam("sid") String sid) {
    return tr.locked(
        () -> {
          Task t = tr.task(ws, sid);
          return Response.ok(tr.json.task(tr.workspace, t, tr.now()))
              .header("ETag", "\"" + t.version + "\"")
              .build();
        });
  }

  @POST
  @Path("{sid}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response update(
      @PathParam("ws") String ws,
      @PathParam("sid") String sid,
      @HeaderParam("If-Match") String ifMatch,
      MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    return tr.locked(
        () -> {
          Task t =
              tr.updateTask(
                  tr.task(ws, sid),
                  new TaskRouter.TaskUpdate(
                      ifMatch,
                      form.get("AssignmentStatus").orElse(null),
                      form.get("Reason").orElse(null),
                      form.get("Attributes").orElse(null),
                      form.integer("Priority").orElse(null)));
          return Response.ok(tr.json.task(tr.workspace, t, tr.now()))
              .header("ETag", "\"" + t.version + "\"")
              .build();
        });
  }

  @DELETE
  @Path("{sid}")
  public Response delete(
      @PathParam("ws") String ws,
      @PathParam("sid") String sid,
      @HeaderParam("If-Match") String ifMatch) {
    tr.lockedRun(() -> tr.deleteTask(tr.task(ws, sid), ifMatch));
    return Response.noContent().build();
  }

  @GET
  public Map<String, Object> list(@PathParam("ws") String ws, @Context UriInfo uri) {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    Set<String> statuses =
        q.getOrDefault("AssignmentStatus", List.of()).stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .collect(Collectors.toSet());
    TaskRouterExpression evaluate =
        q.getFirst("EvaluateTaskAttributes") == null
            ? null
            : expression(q.getFirst("EvaluateTaskAttributes"), "EvaluateTaskAttributes");
    List<Map<String, Object>> items =
        tr.locked(
            () -> {
              tr.checkWorkspace(ws);
              List<Task> found =
                  new ArrayList<>(
                      tr.tasks.values().stream()
                          .filter(t -> statuses.isEmpty() || statuses.contains(t.assignmentStatus))
                          .filter(t -> evaluate == null || evaluate.matches(t.attributes))
                          .filter(
                              t ->
                                  ListFilter.matches(
                                      q, "WorkflowSid", t.workflow == null ? null : t.workflow.sid))
                          .filter(
                              t ->
                                  ListFilter.matches(
                                      q,
                                      "WorkflowName",
                                      t.workflow == null ? null : t.workflow.friendlyName))
                          .filter(
                              t ->
                                  ListFilter.matches(
                                      q, "TaskQueueSid", t.queue == null ? null : t.queue.sid))
                          .filter(
                              t ->
                                  ListFilter.matches(
                                      q,
                                      "TaskQueueName",
                                      t.queue == null ? null : t.queue.friendlyName))
                          .filter(t -> ListFilter.matches(q, "RoutingTarget", t.routingTarget))
                          .filter(
                              t -> ListFilter.matches(q, "Priority", String.valueOf(t.priority)))
                          .toList());
              found.sort(ordering(q.getFirst("Ordering")));
              // R41: a list carries no attributes (null); only fetching the task returns them.
              return found.stream()
                  .map(
                      t -> {
                        Map<String, Object> listed = tr.json.task(tr.workspace, t, tr.now());
                        listed.put("attributes", null);
                        return listed;
                      })
                  .toList();
            });
    return Paging.page(items, i -> i, "tasks", "taskrouter", "/v1/Workspaces/" + ws + "/Tasks", q);
  }

  /** {@code Ordering=DateCreated:desc,Priority:asc}; oldest first by default. */
  private static Comparator<Task> ordering(String spec) {
    Comparator<Task> order = Comparator.comparing(t -> t.dateCreated);
    if (spec == null || spec.isBlank()) {
      return order;
    }
    Comparator<Task> chosen = null;
    for (String part : spec.split(",")) {
      String[] kv = part.split(":");
      Comparator<Task> c =
          switch (kv[0].trim()) {
            case "DateCreated" -> Comparator.comparing(t -> t.dateCreated);
            case "Priority" -> Comparator.comparingInt(t -> t.priority);
            case "VirtualStartTime" -> Comparator.comparing(t -> t.dateCreated);
            default ->
                throw TwilioException.invalidParameter("Ordering", "cannot order by " + kv[0]);
          };
      if (kv.length > 1 && kv[1].trim().equalsIgnoreCase("desc")) {
        c = c.reversed();
      }
      chosen = chosen == null ? c : chosen.thenComparing(c);
    }
    return chosen.thenComparing(order);
  }

  @GET
  @Path("{task}/Reservations")
  public Map<String, Object> reservations(
      @PathParam("ws") String ws, @PathParam("task") String taskSid, @Context UriInfo uri) {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    List<Map<String, Object>> items =
        tr.locked(
            () ->
                tr.task(ws, taskSid).reservations.stream()
                    .filter(r -> ListFilter.matches(q, "ReservationStatus", r.status))
                    .filter(r -> ListFilter.matches(q, "WorkerSid", r.worker.sid))
                    .map(r -> tr.json.reservation(tr.workspace, r, false))
                    .toList());
    return Paging.page(
        items,
        i -> i,
        "reservations",
        "taskrouter",
        "/v1/Workspaces/" + ws + "/Tasks/" + taskSid + "/Reservations",
        q);
  }

  @GET
  @Path("{task}/Reservations/{sid}")
  public Map<String, Object> reservation(
      @PathParam("ws") String ws, @PathParam("task") String taskSid, @PathParam("sid") String sid) {
    return tr.locked(
        () -> tr.json.reservation(tr.workspace, tr.reservation(tr.task(ws, taskSid), sid), false));
  }

  @POST
  @Path("{task}/Reservations/{sid}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> updateReservation(
      @PathParam("ws") String ws,
      @PathParam("task") String taskSid,
      @PathParam("sid") String sid,
      @HeaderParam("If-Match") String ifMatch,
      MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    return tr.locked(
        () -> {
          Reservation r = tr.reservation(tr.task(ws, taskSid), sid);
          tr.updateReservation(
              r,
              form.get("ReservationStatus").orElse(null),
              form.get("WorkerActivitySid").orElse(null),
              ifMatch);
          return tr.json.reservation(tr.workspace, r, false);
        });
  }
}
