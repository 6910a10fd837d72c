package dev.flexkit.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Who the plugin is signed in as, as Twilio IAM sees the agent's token. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "agent")
public final class MeResource {
  @GET
  @AgentAuthenticated
  @Operation(
      summary = "The agent behind the Flex token: identity, worker SID and roles",
      security = @SecurityRequirement(name = "flexToken"))
  public FlexAgent me(@Context SecurityContext security) {
    return FlexAgent.of(security);
  }
}
