package dev.flexkit.sandbox.taskrouter;

import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.wire.Form;
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

/** TaskRouter v1 Workflows: the routing configuration is validated on every write. */
@Path("/taskrouter/v1/Workspaces/{ws}/Workflows")
@Produces(MediaType.APPLICATION_JSON)
public final class WorkflowResource {
  private final TaskRouter tr;

  @Inject
  public WorkflowResource(SandboxWorld world) {
    this.tr = world.taskRouter();
  }

  @GET
  public Map<String, Object> list(@PathParam("ws") String ws, @Context UriInfo uri) {
    String name = uri.getQueryParameters().getFirst("FriendlyName");
    List<Map<String, Object>> items =
        tr.locked(
            () -> {
              tr.checkWorkspace(ws);
              return tr.workflows.values().stream()
                  .filter(f -> name == null || f.friendlyName.equals(name))
                  .map(f -> tr.json.workflow(tr.workspace, f))
                  .toList();
            });
    return Paging.page(
        items,
        i -> i,
        "workflows",
        "taskrouter",
        "/v1/Workspaces/" + ws + "/Workflows",
        uri.getQueryParameters());
  }

  @GET
  @Path("{sid}")
  public Map<String, Object> fetch(@PathParam("ws") String ws, @PathParam("sid") String sid) {
    return tr.locked(() -> tr.json.workflow(tr.workspace, workflow(ws, sid)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@PathParam("ws") String ws, MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    Map<String, Object> created =
        tr.locked(
            () -> {
              tr.checkWorkspace(ws);
              String name = form.required("FriendlyName");
              String configuration = form.required("Configuration");
              Workflow f =
                  new Workflow(
                      Sids.next("WW"),
                      name,
                      configuration,
                      WorkflowConfiguration.parse(configuration, tr.queues::containsKey),
                      tr.now());
              form.integer("TaskReservationTimeout")
                  .ifPresent(v -> f.taskReservationTimeout = reservationTimeout(v));
              form.get("AssignmentCallbackUrl").ifPresent(v -> f.assignmentCallbackUrl = v);
              form.get("FallbackAssignmentCallbackUrl")
                  .ifPresent(v -> f.fallbackAssignmentCallbackUrl = v);
              tr.workflows.put(f.sid, f);
              return tr.json.workflow(tr.workspace, f);
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
          Workflow f = workflow(ws, sid);
          if (form.get("Configuration").isPresent()) {
            String configuration = form.get("Configuration").get();
            f.configuration = WorkflowConfiguration.parse(configuration, tr.queues::containsKey);
            f.configurationJson = configuration;
          }
          form.get("FriendlyName").ifPresent(v -> f.friendlyName = v);
          form.integer("TaskReservationTimeout")
              .ifPresent(v -> f.taskReservationTimeout = reservationTimeout(v));
          form.get("AssignmentCallbackUrl").ifPresent(v -> f.assignmentCallbackUrl = v);
          form.get("FallbackAssignmentCallbackUrl")
              .ifPresent(v -> f.fallbackAssignmentCallbackUrl = v);
          f.dateUpdated = tr.now();
          if (form.bool("ReEvaluateTasks").orElse(false)) {
            tr.reEvaluate(f);
          }
          return tr.json.workflow(tr.workspace, f);
        });
  }

  private static int reservationTimeout(int seconds) {
    if (seconds < 1 || seconds > 86_400) {
      throw TwilioException.invalidParameter(
          "TaskReservationTimeout", "must be between 1 and 86400");
    }
    return seconds;
  }

  private Workflow workflow(String ws, String sid) {
    tr.checkWorkspace(ws);
    Workflow f = tr.workflows.get(sid);
    if (f == null) {
      throw TwilioException.notFound("/Workspaces/" + ws + "/Workflows/" + sid);
    }
    return f;
  }
}
