package dev.flexkit.sandbox.wire;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Inside {@code /twilio}, every failure speaks Twilio's error shape, never ours. */
public final class TwilioExceptionMappers {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioExceptionMappers.class);

  private TwilioExceptionMappers() {}

  static Response response(int status, int code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(TwilioErrorBody.of(status, code, message))
        .build();
  }

  public static final class Known implements ExceptionMapper<TwilioException> {
    @Override
    public Response toResponse(TwilioException e) {
      return response(e.status(), e.code(), e.getMessage());
    }
  }

  public static final class Routing implements ExceptionMapper<WebApplicationException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
      if (e instanceof NotFoundException) {
        String path = uri == null ? "" : "/" + uri.getPath();
        return response(
            404, 20404, "The requested resource " + stripVersion(path) + " was not found");
      }
      if (e instanceof NotAllowedException) {
        return response(405, 20004, "Method not allowed");
      }
      int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
      return response(
          status,
          status >= 500 ? 20500 : 20001,
          status >= 500 ? "Internal Server Error" : "Bad request");
    }

    private static String stripVersion(String path) {
      // "/conversations/v1/Conversations/CH…" is reported by Twilio as "/Conversations/CH…".
      return path.replaceFirst("^/[a-z-]+/v\\d+", "");
    }
  }

  public static final class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      LOG.error("sandbox emulator failure", e);
      return response(500, 20500, "Internal Server Error");
    }
  }
}
