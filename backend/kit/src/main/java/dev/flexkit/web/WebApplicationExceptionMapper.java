package dev.flexkit.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own failures (no route, wrong method, wrong media type) in our JSON shape. */
@Provider
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original == null ? 500 : original.getStatus();
    String message =
        switch (status) {
          case 404 ->
              e instanceof NotFoundException ? "No such resource" : messageOr(e, "Not found");
          case 405 -> "Method not allowed on this resource";
          case 406 -> "This resource cannot produce the requested media type";
          case 415 -> "Unsupported Content-Type; send application/json";
          default -> status >= 500 ? "Internal error" : messageOr(e, "Request failed");
        };
    Response.ResponseBuilder builder =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(ApiError.of(ErrorResponses.codeFor(status), message));
    if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
      builder.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
    }
    return builder.build();
  }

  private static String messageOr(WebApplicationException e, String fallback) {
    String m = e.getMessage();
    return m == null || m.startsWith("HTTP ") ? fallback : m;
  }
}
