package dev.flexkit.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/** A body that is not JSON, or JSON of the wrong shape, is the client's mistake: 400, named. */
@Provider
public final class JsonInputExceptionMapper implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping
        && !(e instanceof JsonParseException)
        && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      return ErrorResponses.json(
          400,
          ApiError.of(
              "invalid_field", "Field '" + field + "' has the wrong type or format", field, null));
    }
    String where = location(e.getLocation());
    String reason =
        e.getOriginalMessage() == null
            ? "malformed JSON"
            : e.getOriginalMessage().lines().findFirst().orElse("");
    return ErrorResponses.json(
        400, ApiError.of("invalid_json", "Request body is not valid JSON" + where + ": " + reason));
  }

  private static String location(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
