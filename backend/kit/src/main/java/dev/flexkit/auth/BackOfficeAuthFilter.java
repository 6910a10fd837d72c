package dev.flexkit.auth;

import dev.flexkit.web.ApiError;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Guards {@link BackOfficeAuthenticated} endpoints. Without a configured key they answer 503 {@code
 * not_configured}: the service, not the caller, lacks something, and a key guessed by nobody would
 * otherwise look like a wrong one.
 */
@BackOfficeAuthenticated
@Priority(Priorities.AUTHENTICATION)
public final class BackOfficeAuthFilter implements ContainerRequestFilter {
  public static final String HEADER = "X-Api-Key";

  private final BackOfficeKey key;

  @Inject
  public BackOfficeAuthFilter(BackOfficeKey key) {
    this.key = key;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!key.configured()) {
      request.abortWith(
          json(
              Response.status(503),
              ApiError.of(
                  "not_configured",
                  "The back-office endpoints are off: set BACKOFFICE_API_KEY to enable them")));
      return;
    }
    String presented = presented(request);
    if (presented == null) {
      request.abortWith(
          json(
              unauthorized(),
              ApiError.of(
                  "missing_api_key",
                  "an API key is required: " + HEADER + ": <key> or Authorization: Bearer <key>")));
    } else if (!key.matches(presented)) {
      request.abortWith(
          json(unauthorized(), ApiError.of("invalid_api_key", "the API key is not valid")));
    }
  }

  private static String presented(ContainerRequestContext request) {
    String header = request.getHeaderString(HEADER);
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && !authorization.substring(7).isBlank()) {
      return authorization.substring(7).trim();
    }
    return null;
  }

  private static Response.ResponseBuilder unauthorized() {
    return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"backoffice\"");
  }

  private static Response json(Response.ResponseBuilder builder, ApiError error) {
    return builder.type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
  }
}
