package dev.flexkit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Renders the error envelope outside JAX-RS, for failures Jetty answers itself. */
final class ErrorJson {
  private static final ObjectMapper MAPPER = ObjectMappers.WIRE;

  private ErrorJson() {}

  static String render(int status, String message) {
    String safe = message == null || message.isBlank() ? defaultMessage(status) : message;
    try {
      return MAPPER.writeValueAsString(ApiError.of(ErrorResponses.codeFor(status), safe));
    } catch (JsonProcessingException e) {
      return "{\"error\":{\"code\":\"internal_error\",\"message\":\"Internal error\"}}";
    }
  }

  private static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 404 -> "No such resource";
      case 414 -> "URI too long";
      case 431 -> "Request headers too large";
      default -> status >= 500 ? "Internal error" : "Request failed";
    };
  }
}
