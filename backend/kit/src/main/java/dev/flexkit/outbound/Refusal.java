package dev.flexkit.outbound;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A send we refuse with a body richer than {@code ApiError}: per-field errors, the conflict's
 * owner.
 */
public final class Refusal extends RuntimeException {
  private final int status;
  private final Map<String, Object> error;

  public Refusal(int status, String code, String message, Map<String, Object> extra) {
    super(message);
    this.status = status;
    this.error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.putAll(extra);
  }

  public static Refusal invalid(List<FieldError> errors) {
    return new Refusal(
        400,
        "invalid_request",
        errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid",
        Map.of("field", errors.get(0).field(), "errors", errors));
  }

  /**
   * A send refused because {@code existing} already holds the customer: who has it and how far its
   * task got.
   */
  public static Refusal conflict(String code, String message, ExistingConversation existing) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("conversationSid", existing.conversationSid());
    extra.put("ownerIdentity", existing.ownerIdentity().orElse(null));
    extra.put("taskStatus", existing.taskStatus().orElse("none"));
    return new Refusal(409, code, message, extra);
  }

  /** The per-field faults of a 400, in the order found; empty for other refusals. */
  @SuppressWarnings("unchecked")
  public List<FieldError> fieldErrors() {
    Object errors = error.get("errors");
    return errors instanceof List<?> list ? (List<FieldError>) list : List.of();
  }

  /** The error's code, message and details, as {@link #body()} nests them. */
  public Map<String, Object> error() {
    return java.util.Collections.unmodifiableMap(error);
  }

  public int status() {
    return status;
  }

  public Map<String, Object> body() {
    return Map.of("error", error);
  }

  /** The refusal as our API answers it: its status and {@link #body()} as JSON. */
  public Response response() {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body()).build();
  }

  public record FieldError(String field, String message) {}
}
