package dev.flexkit.transfer;

import dev.flexkit.auth.AgentAuthenticated;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/**
 * Drop-in for plugin-chat-sms-transfer's functions (seed 004). {@code workerName} is ignored: the
 * token says who transfers. WK… targets are workers, WQ… queues, WW… workflows; always cold.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "transfer")
public final class ReferenceTransferResource {
  private final TransferDirectory directory;
  private final TransferStart starts;

  public record TransferChat(String Token, String taskSid, String targetSid, String workerName) {}

  @Inject
  public ReferenceTransferResource(TransferDirectory directory, TransferStart starts) {
    this.directory = directory;
    this.starts = starts;
  }

  @POST
  @Path("transfer-chat")
  @Consumes(MediaType.APPLICATION_JSON)
  @AgentAuthenticated
  @Operation(
      summary =
          "Seed 004's transfer-chat: cold transfer to a worker (WK…), queue (WQ…) or workflow (WW…)")
  public Map<String, String> transferChat(TransferChat body, @Context SecurityContext security) {
    if (body == null || body.targetSid() == null) {
      throw new ApiException(400, "invalid_request", "targetSid is required", "targetSid", null);
    }
    String type =
        body.targetSid().startsWith("WK")
            ? "worker"
            : body.targetSid().startsWith("WW") ? "workflow" : "queue";
    FlexAgent agent = FlexAgent.of(security);
    Transfer t =
        starts.start(
            agent,
            TransferValidation.validate(
                agent,
                new TransferRequest(body.taskSid(), type, body.targetSid(), "cold", null, false)));
    return Map.of("taskSid", t.inviteTaskSid(), "transferId", t.id());
  }

  @POST
  @Path("get-workflows")
  @AgentAuthenticated
  @Operation(summary = "The workspace's workflows, for a transfer-to-workflow picker")
  public Map<String, List<TransferTargets.Target>> workflows(@Context SecurityContext security) {
    return Map.of(
        "workflows", directory.targets(FlexAgent.of(security), "workflow", null, null).targets());
  }
}
