package dev.flexkit.sandbox.control;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

@Provider
public final class ControlApiExceptionMapper implements ExceptionMapper<ControlApiException> {
  @Override
  public Response toResponse(ControlApiException e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.code());
    error.put("message", e.getMessage());
    if (e.field() != null) {
      error.put("field", e.field());
    }
    if (e.twilioCode() != null) {
      error.put("twilioCode", e.twilioCode());
    }
    return Response.status(e.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("error", error))
        .build();
  }
}
