package dev.flexkit.web;

import dev.flexkit.store.StoreException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last line of defence: log the stack trace with a reference, answer JSON without it. */
@Provider
public final class UncaughtExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UncaughtExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    String reference = UUID.randomUUID().toString().substring(0, 8);
    if (e instanceof StoreException) {
      LOG.error("store failure [ref {}]", reference, e);
      return ErrorResponses.json(
          503,
          ApiError.of(
              "store_unavailable",
              "The database is unavailable; retry shortly (ref " + reference + ")"));
    }
    LOG.error("unhandled exception [ref {}]", reference, e);
    return ErrorResponses.json(
        500, ApiError.of("internal_error", "Internal error (ref " + reference + ")"));
  }
}
