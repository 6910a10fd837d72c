package dev.flexkit.sandbox.taskrouter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.wire.Form;
import dev.flexkit.sandbox.wire.ListFilter;
import dev.flexkit.sandbox.wire.Paging;
import dev.flexkit.sandbox.wire.Sids;
import dev.flexkit.sandbox.wire.TwilioException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Map;

/** TaskRouter v1 Workers, their per-channel capacity and their Reservations. */
@Path("/taskrouter/v1/Workspaces/{ws}/Workers")
@Produces(MediaType.APPLICATION_JSON)
public final class WorkerResource {
  private final TaskRouter tr;

  @Inject
  public WorkerResource(SandboxWorld world) {
    this.tr = world.taskRouter();
  }

  @GET
  public Map<String, Object> list(@PathParam("ws") String ws, @Context UriInfo uri) {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    TaskRouterExpression target =
        q.getFirst("TargetWorkersExpression") == null
            ? null
            : TaskResource.expression(
                q.getFirst("TargetWorkersExpression"), "TargetWorkersExpression");
    List<Map<String, Object>> items =
        tr.locked(
            () -> {
              tr.checkWorkspace(ws);
              TaskQueue queue = queueFilter(q);
              return tr.workers.values().stream()
                  .filter(w -> ListFilter.matches(q, "ActivityName", w.activity.friendlyName()))
                  .filter(w -> ListFilter.matches(q, "ActivitySid", w.activity.sid()))
                  .filter(
                      w ->
                          q.getFirst("Available") == null
                              || w.activity.available()
                                  == (q.getFirst("Available").equals("1")
                                      || q.getFirst("Available").equalsIgnoreCase("true")))
                  .filter(w -> ListFilter.matches(q, "FriendlyName", w.friendlyName))
                  .filter(w -> target == null || target.matches(WorkerMatch.workerRoot(w)))
                  .filter(
                      w -> queue == null || queue.targetWorkers.matches(WorkerMatch.workerRoot(w)))
                  .map(w -> tr.json.worker(tr.workspace, w))
                  .toList();
            });
    return Paging.page(
        items, i -> i, "workers", "taskrouter", "/v1/Workspaces/" + ws + "/Workers", q);
  }

  private TaskQueue queueFilter(MultivaluedMap<String, String> q) {
    if (q.getFirst("TaskQueueSid") != null) {
      TaskQueue queue = tr.queues.get(q.getFirst("TaskQueueSid"));
      if (queue == null) {
        throw TwilioException.invalidParameter(
            "TaskQueueSid", "unknown queue " + q.getFirst("TaskQueueSid"));
      }
      return queue;
    }
    if (q.getFirst("TaskQueueName") != null) {
      return tr.queues.values().stream()
          .filter(x -> x.friendlyName.equals(q.getFirst("TaskQueueName")))
          .findFirst()
          .orElseThrow(
              () ->
                  TwilioException.invalidParameter(
                      "TaskQueueName", "unknown queue " + q.getFirst("TaskQueueName")));
    }
    return null;
  }

  @GET
  @Path("{sid}")
  public Map<String, Object> fetch(@PathParam("ws") String ws, @PathParam("sid") String sid) {
    return tr.locked(() -> tr.json.worker(tr.workspace, tr.worker(ws, sid)));
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
              if (tr.workers.values().stream().anyMatch(w -> w.friendlyName.equals(name))) {
                throw new TwilioException(
                    409, 20001, "Worker with friendly name " + name + " already exists");
              }
              Activity activity =
                  form.get("ActivitySid").map(this::activity).orElse(tr.workspace.defaultActivity);
              ObjectNode attributes =
                  TaskRouter.attributes(form.get("Attributes").orElse("{}"), "Attributes");
              Worker w =
                  new Worker(
                      Sids.next("WK"), name, attributes.toString(), attributes, activity, tr.now());
              tr.taskChannels
                  .values()
                  .forEach(
                      c ->
                          w.channels.put(
                              c.uniqueName(), new Worker.Channel(Sids.next("WC"), c, 1, tr.now())));
              tr.workers.put(w.sid, w);
              tr.assign();
              return tr.json.worker(tr.workspace, w);
            });
    return Response.status(201).entity(created).build();
  }

  @POST
  @Path("{sid}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> update(
      @PathParam("ws") String ws,
      @PathParam("sid") String sid,
      @HeaderParam("If-Match") String ifMatch,
      MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    return tr.locked(
        () -> {
          Worker w = tr.worker(ws, sid);
          if (ifMatch != null
              && !ifMatch.replace("\"", "").trim().equals(String.valueOf(w.version))) {
            throw new TwilioException(
                412, 20001, "Precondition Failed: worker " + w.sid + " has been modified");
          }
          Activity activity = form.get("ActivitySid").map(this::activity).orElse(null);
          ObjectNode attributes =
              form.get("Attributes").map(v -> TaskRouter.attributes(v, "Attributes")).orElse(null);
          form.get("FriendlyName").ifPresent(v -> w.friendlyName = v);
          if (attributes != null) {
            w.attributes = attributes;
            w.attributesJson = attributes.toString();
            w.dateUpdated = tr.now();
            w.version++;
            tr.events.worker(
                tr.workspace,
                "worker.attributes.update",
                w,
                null,
                null,
                "Worker " + w.friendlyName + " attributes updated");
          }
          if (activity != null) {
            if (form.bool("RejectPendingReservations").orElse(false)) {
              tr.reservations.values().stream()
                  .filter(r -> r.worker == w && r.status.equals("pending"))
                  .toList()
                  .forEach(r -> tr.updateReservation(r, "rejected", null, null));
            }
            tr.changeActivity(w, activity);
          }
          tr.assign();
          return tr.json.worker(tr.workspace, w);
        });
  }

  private Activity activity(String sid) {
    Activity a = tr.activities.get(sid);
    if (a == null) {
      throw TwilioException.invalidParameter("ActivitySid", "unknown activity " + sid);
    }
    return a;
  }

  @GET
  @Path("{worker}/Channels")
  public Map<String, Object> channels(
      @PathParam("ws") String ws, @PathParam("worker") String workerSid, @Context UriInfo uri) {
    List<Map<String, Object>> items =
        tr.locked(
            () -> {
              Worker w = tr.worker(ws, workerSid);
              return w.channels.values().stream()
                  .map(
                      c ->
                          tr.json.workerChannel(
                              tr.workspace, w, c, tr.assignedOn(w, c.taskChannel)))
                  .toList();
            });
    return Paging.page(
        items,
        i -> i,
        "channels",
        "taskrouter",
        "/v1/Workspaces/" + ws + "/Workers/" + workerSid + "/Channels",
        uri.getQueryParameters());
  }

  @GET
  @Path("{worker}/Channels/{sid}")
  public Map<String, Object> channel(
      @PathParam("ws") String ws,
      @PathParam("worker") String workerSid,
      @PathParam("sid") String sid) {
    return tr.locked(
        () -> {
          Worker w = tr.worker(ws, workerSid);
          Worker.Channel c = channel(w, sid);
          return tr.json.workerChannel(tr.workspace, w, c, tr.assignedOn(w, c.taskChannel));
        });
  }

  @POST
  @Path("{worker}/Channels/{sid}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> updateChannel(
      @PathParam("ws") String ws,
      @PathParam("worker") String workerSid,
      @PathParam("sid") String sid,
      MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    return tr.locked(
        () -> {
          Worker w = tr.worker(ws, workerSid);
          Worker.Channel c = channel(w, sid);
          form.integer("Capacity")
              .ifPresent(
                  v -> {
                    if (v < 0 || v > 50) {
                      throw TwilioException.invalidParameter(
                          "Capacity", "must be between 0 and 50");
                    }
                    c.capacity = v;
                    tr.events.worker(
                        tr.workspace,
                        "worker.capacity.update",
                        w,
                        null,
                        null,
                        "Worker "
                            + w.friendlyName
                            + " capacity on "
                            + c.taskChannel.uniqueName()
                            + " set to "
                            + v);
                  });
          form.bool("Available")
              .ifPresent(
                  v -> {
                    c.available = v;
                    tr.events.worker(
                        tr.workspace,
                        "worker.channel.availability.update",
                        w,
                        null,
                        null,
                        "Worker "
                            + w.friendlyName
                            + " channel "
                            + c.taskChannel.uniqueName()
                            + " availability set to "
                            + v);
                  });
          c.dateUpdated = tr.now();
          tr.assign();
          return tr.json.workerChannel(tr.workspace, w, c, tr.assignedOn(w, c.taskChannel));
        });
  }

  /** Twilio addresses a worker channel by its WC sid or by the task channel's unique name. */
  private Worker.Channel channel(Worker w, String sid) {
    return w.channels.values().stream()
        .filter(
            c ->
                c.sid.equals(sid)
                    || c.taskChannel.uniqueName().equals(sid)
                    || c.taskChannel.sid().equals(sid))
        .findFirst()
        .orElseThrow(
            () ->
                TwilioException.notFound(
                    "/Workspaces/" + tr.workspace.sid + "/Workers/" + w.sid + "/Channels/" + sid));
  }

  @GET
  @Path("{worker}/Reservations")
  public Map<String, Object> reservations(
      @PathParam("ws") String ws, @PathParam("worker") String workerSid, @Context UriInfo uri) {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    List<Map<String, Object>> items =
        tr.locked(
            () -> {
              Worker w = tr.worker(ws, workerSid);
              return tr.reservations.values().stream()
                  .filter(r -> r.worker == w)
                  .filter(r -> ListFilter.matches(q, "ReservationStatus", r.status))
                  .map(r -> tr.json.reservation(tr.workspace, r, true))
                  .toList();
            });
    return Paging.page(
        items,
        i -> i,
        "reservations",
        "taskrouter",
        "/v1/Workspaces/" + ws + "/Workers/" + workerSid + "/Reservations",
        q);
  }

  @GET
  @Path("{worker}/Reservations/{sid}")
  public Map<String, Object> reservation(
      @PathParam("ws") String ws,
      @PathParam("worker") String workerSid,
      @PathParam("sid") String sid) {
    return tr.locked(
        () ->
            tr.json.reservation(
                tr.workspace, tr.reservationOfWorker(tr.worker(ws, workerSid), sid), true));
  }

  @POST
  @Path("{worker}/Reservations/{sid}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> updateReservation(
      @PathParam("ws") String ws,
      @PathParam("worker") String workerSid,
      @PathParam("sid") String sid,
      @HeaderParam("If-Match") String ifMatch,
      MultivaluedMap<String, String> body) {
    Form form = new Form(body);
    return tr.locked(
        () -> {
          Reservation r = tr.reservationOfWorker(tr.worker(ws, workerSid), sid);
          tr.updateReservation(
              r,
              form.get("ReservationStatus").orElse(null),
              form.get("WorkerActivitySid").orElse(null),
              ifMatch);
          return tr.json.reservation(tr.workspace, r, true);
        });
  }
}
