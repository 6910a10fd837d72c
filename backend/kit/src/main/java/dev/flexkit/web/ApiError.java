package dev.flexkit.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The one error shape every endpoint answers with: {@code {"error": {...}}}. */
@Schema(name = "ErrorResponse")
public record ApiError(Body error) {
  @Schema(name = "Error")
  public record Body(
      @Schema(description = "Stable machine-readable code, e.g. invalid_json or not_found")
          String code,
      @Schema(description = "What went wrong, for people") String message,
      @Schema(description = "The request field at fault, when there is one") String field,
      @Schema(description = "Twilio's error code, when Twilio refused the call")
          Integer twilioCode) {}

  public static ApiError of(String code, String message) {
    return new ApiError(new Body(code, message, null, null));
  }

  public static ApiError of(String code, String message, String field, Integer twilioCode) {
    return new ApiError(new Body(code, message, field, twilioCode));
  }
}
