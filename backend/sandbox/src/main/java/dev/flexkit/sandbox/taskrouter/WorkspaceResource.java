package dev.flexkit.sandbox.taskrouter;

import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.wire.Form;
import dev.flexkit.sandbox.wire.ListFilter;
import dev.flexkit.sandbox.wire.Paging;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/** TaskRouter v1 Workspaces, with their Activities and TaskChannels. */
@Path("/taskrouter/v1/Workspaces")
@Produces(MediaType.APPLICATION_JSON)
public final class WorkspaceResource {
  private final TaskRouter tr;

  @Inject
  public WorkspaceResource(SandboxWorld world) {
    this.tr = world.taskRouter();
  }

  @GET
  public Map<String, Object> list(@Context UriInfo uri) {
    String name = uri.getQueryParameters().getFirst("FriendlyName");
    List<Map<String, Object>> items =
        tr.locked(
            () ->
                name == null || name.equals(tr.workspace.friendlyName)
                    ? List.of(tr.json.workspace(tr.workspace))
                    : List.of());
    return Paging.page(
        items, i -> i, "workspaces", "taskrouter", "/v1/Workspaces", uri.getQueryParameters());
  }

  @GET
  @Path("{ws}")
  public Map<String, Object> fetch(@PathParam("ws") String ws) {
    return tr.locked(
        () -> {
          tr.checkWorkspace(ws);
          return tr.json.workspace(tr.workspace);
        });
  }

  @POST
  @Path("{ws}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> update(
      @PathParam("ws") String ws, MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    return tr.locked(
        () -> {
          tr.checkWorkspace(ws);
          Workspace w = tr.workspace;
          form.get("FriendlyName").ifPresent(v -> w.friendlyName = v);
          form.get("EventCallbackUrl").ifPresent(v -> w.eventCallbackUrl = v.isBlank() ? null : v);
          form.get("EventsFilter").ifPresent(v -> w.eventsFilter = v.isBlank() ? null : v);
          form.get("DefaultActivitySid")
              .ifPresent(v -> w.defaultActivity = activityParam(v, "DefaultActivitySid"));
          form.get("TimeoutActivitySid")
              .ifPresent(v -> w.timeoutActivity = activityParam(v, "TimeoutActivitySid"));
          w.dateUpdated = tr.now();
          return tr.json.workspace(w);
        });
  }

  private Activity activityParam(String sid, String param) {
    Activity a = tr.activities.get(sid);
    if (a == null) {
      throw TwilioException.invalidParameter(param, "unknown activity " + sid);
    }
    return a;
  }

  @GET
  @Path("{ws}/Activities")
  public Map<String, Object> activities(@PathParam("ws") String ws, @Context UriInfo uri) {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    List<Map<String, Object>> items =
        tr.locked(
            () -> {
              tr.checkWorkspace(ws);
              return tr.activities.values().stream()
                  .filter(a -> ListFilter.matches(q, "FriendlyName", a.friendlyName()))
                  .filter(
                      a ->
                          q.getFirst("Available") == null
                              || String.valueOf(a.available())
                                  .equalsIgnoreCase(q.getFirst("Available")))
                  .map(a -> tr.json.activity(tr.workspace, a))
                  .toList();
            });
    return Paging.page(
        items, i -> i, "activities", "taskrouter", "/v1/Workspaces/" + ws + "/Activities", q);
  }

  @GET
  @Path("{ws}/Activities/{sid}")
  public Map<String, Object> activity(@PathParam("ws") String ws, @PathParam("sid") String sid) {
    return tr.locked(
        () -> {
          tr.checkWorkspace(ws);
          Activity a = tr.activities.get(sid);
          if (a == null) {
            throw TwilioException.notFound("/Workspaces/" + ws + "/Activities/" + sid);
          }
          return tr.json.activity(tr.workspace, a);
        });
  }

  @GET
  @Path("{ws}/TaskChannels")
  public Map<String, Object> taskChannels(@PathParam("ws") String ws, @Context UriInfo uri) {
    List<Map<String, Object>> items =
        tr.locked(
            () -> {
              tr.checkWorkspace(ws);
              return tr.taskChannels.values().stream()
                  .map(c -> tr.json.taskChannel(tr.workspace, c))
                  .toList();
            });
    return Paging.page(
        items,
        i -> i,
        "channels",
        "taskrouter",
        "/v1/Workspaces/" + ws + "/TaskChannels",
        uri.getQueryParameters());
  }

  @GET
  @Path("{ws}/TaskChannels/{sid}")
  public Map<String, Object> taskChannel(@PathParam("ws") String ws, @PathParam("sid") String sid) {
    return tr.locked(
        () -> {
          tr.checkWorkspace(ws);
          TaskChannel c =
              tr.taskChannelByNameOrSid(sid)
                  .orElseThrow(
                      () -> TwilioException.notFound("/Workspaces/" + ws + "/TaskChannels/" + sid));
          return tr.json.taskChannel(tr.workspace, c);
        });
  }
}
