package dev.flexkit.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.http.FormUrlEncoded;
import dev.flexkit.web.ApiError;
import dev.flexkit.web.ApiException;
import dev.flexkit.web.ObjectMappers;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;

/**
 * Guards {@link AgentAuthenticated} endpoints. The token comes from {@code Authorization: Bearer},
 * else (as the Twilio Functions samples send it) a {@code Token} query parameter or body field; the
 * agent it names becomes the request's principal.
 */
@AgentAuthenticated
@Priority(Priorities.AUTHENTICATION)
public final class AgentAuthFilter implements ContainerRequestFilter {
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;
  private static final int MAX_BODY = 1024 * 1024;

  private final FlexTokenValidator validator;

  @Context private ResourceInfo resource;

  @Inject
  public AgentAuthFilter(FlexTokenValidator validator) {
    this.validator = validator;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    FlexAgent agent;
    try {
      agent = validator.validate(token(request));
    } catch (ApiException e) {
      request.abortWith(
          Response.status(e.status())
              .type(MediaType.APPLICATION_JSON_TYPE)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"flex\"")
              .entity(e.toError())
              .build());
      return;
    }
    String[] roles = required();
    if (roles.length > 0 && Arrays.stream(roles).noneMatch(agent::hasRole)) {
      request.abortWith(
          Response.status(403)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  ApiError.of(
                      "forbidden_role", "this needs one of the roles " + String.join(", ", roles)))
              .build());
      return;
    }
    boolean secure =
        request.getSecurityContext() != null && request.getSecurityContext().isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return agent;
          }

          @Override
          public boolean isUserInRole(String role) {
            return agent.hasRole(role);
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
  }

  private String[] required() {
    if (resource == null) {
      return new String[0];
    }
    AgentAuthenticated onMethod =
        resource.getResourceMethod() == null
            ? null
            : resource.getResourceMethod().getAnnotation(AgentAuthenticated.class);
    AgentAuthenticated onClass =
        resource.getResourceClass() == null
            ? null
            : resource.getResourceClass().getAnnotation(AgentAuthenticated.class);
    AgentAuthenticated a = onMethod != null ? onMethod : onClass;
    return a == null ? new String[0] : a.roles();
  }

  private static String token(ContainerRequestContext request) throws IOException {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    String query = request.getUriInfo().getQueryParameters().getFirst("Token");
    if (query != null && !query.isBlank()) {
      return query;
    }
    MediaType type = request.getMediaType();
    if (type == null || !request.hasEntity()) {
      return null;
    }
    boolean json = type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    boolean form = type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    if (!json && !form) {
      return null;
    }
    byte[] body = request.getEntityStream().readNBytes(MAX_BODY);
    request.setEntityStream(new ByteArrayInputStream(body));
    return json ? fromJson(body) : fromForm(new String(body, StandardCharsets.UTF_8));
  }

  private static String fromJson(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.path("Token").isTextual() ? node.path("Token").asText() : null;
    } catch (IOException malformed) {
      return null; // The resource reports the malformed JSON; without a token this is a 401 anyway.
    }
  }

  private static String fromForm(String body) {
    List<String> token = FormUrlEncoded.parse(body).get("Token");
    return token == null ? null : token.get(0);
  }
}
