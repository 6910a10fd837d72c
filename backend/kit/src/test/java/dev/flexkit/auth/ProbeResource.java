package dev.flexkit.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** Test-only endpoints standing in for the capabilities that will use the two guards. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
public final class ProbeResource {
  public record Claim(String Token, String identity, String workerSid) {}

  /** An agent action whose body also claims an identity: the token's must win. */
  @POST
  @Path("agent-action")
  @Consumes(MediaType.APPLICATION_JSON)
  @AgentAuthenticated
  public Map<String, Object> act(Claim claim, @Context SecurityContext security) {
    FlexAgent agent = FlexAgent.of(security);
    return Map.of("identity", agent.identity(), "workerSid", agent.workerSid());
  }

  @POST
  @Path("supervisor-action")
  @AgentAuthenticated(roles = "supervisor")
  public Map<String, Object> supervise(@Context SecurityContext security) {
    return Map.of("identity", FlexAgent.of(security).identity());
  }

  @POST
  @Path("webhook")
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
  @TwilioWebhook
  public Map<String, Object> webhook(String body) {
    return Map.of("received", body.length());
  }
}
