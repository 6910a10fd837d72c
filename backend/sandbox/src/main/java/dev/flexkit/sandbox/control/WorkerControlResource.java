package dev.flexkit.sandbox.control;

import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.taskrouter.TaskRouter;
import dev.flexkit.sandbox.wire.TwilioException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The agents around TaskRouter: who is available, and their answers to reservations. */
@Path("/sandbox/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sandbox")
public final class WorkerControlResource {
  public record WorkersView(List<TaskRouter.WorkerState> workers) {}

  public record ActivityChange(String activity) {}

  private final TaskRouter taskRouter;

  @Inject
  public WorkerControlResource(SandboxWorld world) {
    this.taskRouter = world.taskRouter();
  }

  @GET
  @Path("workers")
  @Operation(summary = "Workers with their activity and pending, accepted or wrapping reservations")
  public WorkersView workers() {
    return new WorkersView(taskRouter.workerStates());
  }

  @POST
  @Path("workers/{sid}/activity")
  @Operation(summary = "Set a worker's activity by name (Available, Offline, …) or sid")
  public TaskRouter.WorkerState activity(@PathParam("sid") String sid, ActivityChange change) {
    if (change == null || change.activity() == null || change.activity().isBlank()) {
      throw new ControlApiException(
          400, "missing_field", "activity is required, e.g. \"Available\"", "activity", null);
    }
    try {
      return taskRouter
          .setActivity(sid, change.activity())
          .orElseThrow(() -> new ControlApiException(404, "not_found", "no worker " + sid));
    } catch (IllegalArgumentException e) {
      throw new ControlApiException(400, "invalid_field", e.getMessage(), "activity", null);
    }
  }

  @POST
  @Path("reservations/{sid}/accept")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "The worker accepts a pending reservation")
  public TaskRouter.ReservationState accept(@PathParam("sid") String sid) {
    return decide(sid, true);
  }

  @POST
  @Path("reservations/{sid}/reject")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "The worker rejects a pending reservation")
  public TaskRouter.ReservationState reject(@PathParam("sid") String sid) {
    return decide(sid, false);
  }

  private TaskRouter.ReservationState decide(String sid, boolean accept) {
    try {
      return taskRouter
          .decide(sid, accept)
          .orElseThrow(() -> new ControlApiException(404, "not_found", "no reservation " + sid));
    } catch (TwilioException e) {
      throw new ControlApiException(409, "conflict", e.getMessage());
    }
  }
}
