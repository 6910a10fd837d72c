package dev.flexkit.transfer;

import dev.flexkit.auth.AgentAuthenticated;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Transfers of messaging tasks, for the plugin. The transferring agent is always the token's. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "transfer")
public final class TransferResource {
  private final TransferDirectory directory;
  private final TransferStart starts;
  private final AgentTransferActions actions;

  @Inject
  public TransferResource(
      TransferDirectory directory, TransferStart starts, AgentTransferActions actions) {
    this.directory = directory;
    this.starts = starts;
    this.actions = actions;
  }

  @GET
  @Path("transfer/targets")
  @AgentAuthenticated
  @Operation(
      summary =
          "Agents (availability, free capacity on the task's channel), queues (available agents) or workflows",
      security = @SecurityRequirement(name = "flexToken"))
  public TransferTargets targets(
      @QueryParam("type") String type,
      @QueryParam("q") String q,
      @QueryParam("taskSid") String taskSid,
      @Context SecurityContext security) {
    return directory.targets(FlexAgent.of(security), type, q, taskSid);
  }

  @POST
  @Path("transfers")
  @Consumes(MediaType.APPLICATION_JSON)
  @AgentAuthenticated
  @Operation(
      summary = "Transfer a task the caller owns to an agent, a queue or a workflow, cold or warm",
      security = @SecurityRequirement(name = "flexToken"))
  public Response start(TransferRequest request, @Context SecurityContext security) {
    FlexAgent agent = FlexAgent.of(security);
    Transfer t = starts.start(agent, TransferValidation.validate(agent, request));
    return Response.status(201).entity(TransferView.of(t)).build();
  }

  @GET
  @Path("transfers")
  @AgentAuthenticated
  @Operation(
      summary = "The caller's latest transfer of a task, if any",
      security = @SecurityRequirement(name = "flexToken"))
  public TransferView latest(
      @QueryParam("taskSid") String taskSid, @Context SecurityContext security) {
    return actions
        .latestForTask(FlexAgent.of(security), taskSid)
        .map(TransferView::of)
        .orElseThrow(() -> new ApiException(404, "not_found", "No transfer of " + taskSid));
  }

  @GET
  @Path("transfers/{id}")
  @AgentAuthenticated
  @Operation(
      summary = "A transfer's status and, after a rollback, why",
      security = @SecurityRequirement(name = "flexToken"))
  public TransferView get(@PathParam("id") String id, @Context SecurityContext security) {
    return TransferView.of(actions.status(FlexAgent.of(security), id));
  }

  @DELETE
  @Path("transfers/{id}")
  @AgentAuthenticated
  @Operation(
      summary = "Cancel a pending transfer",
      security = @SecurityRequirement(name = "flexToken"))
  public TransferView cancel(@PathParam("id") String id, @Context SecurityContext security) {
    return TransferView.of(actions.cancel(FlexAgent.of(security), id));
  }

  @POST
  @Path("transfers/{id}/complete")
  @AgentAuthenticated
  @Operation(
      summary = "Warm transfer: the target has joined, the original agent leaves",
      security = @SecurityRequirement(name = "flexToken"))
  public TransferView complete(@PathParam("id") String id, @Context SecurityContext security) {
    return TransferView.of(actions.complete(FlexAgent.of(security), id));
  }
}
