package dev.flexkit.sandbox.taskrouter;

import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.wire.Form;
import dev.flexkit.sandbox.wire.ListFilter;
import dev.flexkit.sandbox.wire.Paging;
import dev.flexkit.sandbox.wire.Sids;
import dev.flexkit.sandbox.wire.TwilioException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * TaskRouter v1 TaskQueues, each admitting the workers its {@code TargetWorkers} expression
 * matches.
 */
@Path("/taskrouter/v1/Workspaces/{ws}/TaskQueues")
@Produces(MediaType.APPLICATION_JSON)
public final class TaskQueueResource {
  private final TaskRouter tr;

  @Inject
  public TaskQueueResource(SandboxWorld world) {
    this.tr = world.taskRouter();
  }

  @GET
  public Map<String, Object> list(@PathParam("ws") String ws, @Context UriInfo uri) {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    List<Map<String, Object>> items =
        tr.locked(
            () -> {
              tr.checkWorkspace(ws);
              Worker worker =
                  q.getFirst("WorkerSid") == null ? null : tr.worker(ws, q.getFirst("WorkerSid"));
              String evaluate = q.getFirst("EvaluateWorkerAttributes");
              var attributes =
                  evaluate == null
                      ? null
                      : TaskRouter.attributes(evaluate, "EvaluateWorkerAttributes");
              return tr.queues.values().stream()
                  .filter(x -> ListFilter.matches(q, "FriendlyName", x.friendlyName))
                  .filter(
                      x ->
                          worker == null || x.targetWorkers.matches(WorkerMatch.workerRoot(worker)))
                  .filter(x -> attributes == null || x.targetWorkers.matches(attributes))
                  .map(x -> tr.json.taskQueue(tr.workspace, x))
                  .toList();
            });
    return Paging.page(
        items, i -> i, "task_queues", "taskrouter", "/v1/Workspaces/" + ws + "/TaskQueues", q);
  }

  @GET
  @Path("{sid}")
  public Map<String, Object> fetch(@PathParam("ws") String ws, @PathParam("sid") String sid) {
    return tr.locked(() -> tr.json.taskQueue(tr.workspace, queue(ws, sid)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@PathParam("ws") String ws, MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    Map<String, Object> created =
        tr.locked(
            () -> {
              tr.checkWorkspace(ws);
              TaskQueue x =
                  new TaskQueue(
                      Sids.next("WQ"),
                      form.required("FriendlyName"),
                      TaskResource.expression(
                          form.get("TargetWorkers").orElse("1==1"), "TargetWorkers"),
                      tr.now());
              apply(form, x);
              tr.queues.put(x.sid, x);
              return tr.json.taskQueue(tr.workspace, x);
            });
    return Response.status(201).entity(created).build();
  }

  @POST
  @Path("{sid}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> update(
      @PathParam("ws") String ws,
      @PathParam("sid") String sid,
      MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    return tr.locked(
        () -> {
          TaskQueue x = queue(ws, sid);
          form.get("FriendlyName").ifPresent(v -> x.friendlyName = v);
          form.get("TargetWorkers")
              .ifPresent(v -> x.targetWorkers = TaskResource.expression(v, "TargetWorkers"));
          apply(form, x);
          x.dateUpdated = tr.now();
          tr.assign();
          return tr.json.taskQueue(tr.workspace, x);
        });
  }

  private static void apply(Form form, TaskQueue x) {
    form.integer("MaxReservedWorkers")
        .ifPresent(v -> x.maxReservedWorkers = Math.max(1, Math.min(50, v)));
    form.get("TaskOrder")
        .ifPresent(
            v -> {
              if (!v.equals("FIFO") && !v.equals("LIFO")) {
                throw TwilioException.invalidParameter("TaskOrder", "must be FIFO or LIFO");
              }
              x.taskOrder = v;
            });
  }

  private TaskQueue queue(String ws, String sid) {
    tr.checkWorkspace(ws);
    TaskQueue x = tr.queues.get(sid);
    if (x == null) {
      throw TwilioException.notFound("/Workspaces/" + ws + "/TaskQueues/" + sid);
    }
    return x;
  }
}
