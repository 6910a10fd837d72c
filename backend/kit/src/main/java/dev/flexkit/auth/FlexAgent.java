package dev.flexkit.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

/**
 * The agent behind a request, exactly as Twilio IAM vouched for them. Resources get it from the
 * request's {@link SecurityContext}, never from anything the client sent.
 */
public record FlexAgent(
    String identity,
    String workerSid,
    List<String> roles,
    String realmUserId,
    Instant tokenExpiresAt)
    implements Principal {
  @Override
  @JsonIgnore
  public String getName() {
    return identity;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** The authenticated agent of an {@link AgentAuthenticated} request. */
  public static FlexAgent of(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof FlexAgent agent) {
      return agent;
    }
    throw new IllegalStateException(
        "no authenticated agent: is the resource method annotated @AgentAuthenticated?");
  }
}
