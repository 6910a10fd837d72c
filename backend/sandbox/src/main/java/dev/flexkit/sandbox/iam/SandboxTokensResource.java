package dev.flexkit.sandbox.iam;

import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.control.ControlApiException;
import dev.flexkit.sandbox.taskrouter.WorkerDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/** Hands out Flex agent tokens for the seeded workers, as logging in to Flex would. */
@Path("/sandbox/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sandbox")
public final class SandboxTokensResource {
  public record TokenRequest(String identity, Long ttlSeconds) {}

  private final SandboxWorld world;

  @Inject
  public SandboxTokensResource(SandboxWorld world) {
    this.world = world;
  }

  @POST
  @Operation(
      summary =
          "A Flex token for a seeded agent, valid on the sandbox clock (1 hour unless ttlSeconds says otherwise)")
  public FlexTokens.Issued issue(TokenRequest request) {
    if (request == null || request.identity() == null || request.identity().isBlank()) {
      throw new ControlApiException(
          400,
          "missing_field",
          "identity is required, e.g. \"alice_40example_2Ecom\"",
          "identity",
          null);
    }
    long ttl =
        request.ttlSeconds() == null ? FlexTokens.DEFAULT_TTL.toSeconds() : request.ttlSeconds();
    if (ttl < 1 || ttl > Duration.ofDays(1).toSeconds()) {
      throw new ControlApiException(
          400, "invalid_field", "ttlSeconds must be between 1 and 86400", "ttlSeconds", null);
    }
    WorkerDirectory.Agent agent =
        world
            .workerDirectory()
            .byIdentity(request.identity().trim())
            .orElseThrow(
                () ->
                    new ControlApiException(
                        404,
                        "not_found",
                        "no seeded worker has the identity '"
                            + request.identity().trim()
                            + "' (see GET /sandbox/api/info)",
                        "identity",
                        null));
    return world.tokens().issue(agent, Duration.ofSeconds(ttl));
  }
}
