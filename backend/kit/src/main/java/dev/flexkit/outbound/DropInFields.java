package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.http.FormUrlEncoded;
import dev.flexkit.outbound.Refusal.FieldError;
import dev.flexkit.web.ObjectMappers;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The flat fields of a drop-in request, sent as a form (as the reference plugin and Twilio
 * Functions callers do) or as a JSON object. Values are text; JSON booleans and numbers become
 * their text.
 */
final class DropInFields {
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  /**
   * The reference plugin builds its form with URLSearchParams, which turns a missing value into the
   * text "undefined"; taken literally, that would be sent as a body or a template sid.
   */
  private static final Set<String> ABSENT = Set.of("", "undefined", "null");

  private final Map<String, String> fields;

  private DropInFields(Map<String, String> fields) {
    this.fields = fields;
  }

  /** A form or JSON body, or a 415/400 {@link Refusal} saying why it cannot be read. */
  static DropInFields parse(MediaType type, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      return new DropInFields(fields);
    }
    if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      FormUrlEncoded.parse(body).forEach((name, values) -> put(fields, name, values.get(0)));
      return new DropInFields(fields);
    }
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      throw new Refusal(
          415,
          "unsupported_media_type",
          "send application/x-www-form-urlencoded or application/json",
          Map.of());
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw Refusal.invalid(List.of(new FieldError("body", "the body is not valid JSON")));
    }
    if (root == null || !root.isObject()) {
      throw Refusal.invalid(List.of(new FieldError("body", "the body must be a JSON object")));
    }
    root.fields()
        .forEachRemaining(
            e ->
                put(
                    fields,
                    e.getKey(),
                    e.getValue().isNull()
                        ? null
                        : e.getValue().isValueNode()
                            ? e.getValue().asText()
                            : e.getValue().toString()));
    return new DropInFields(fields);
  }

  private static void put(Map<String, String> fields, String name, String value) {
    if (value != null && !ABSENT.contains(value.trim())) {
      fields.put(name, value);
    }
  }

  String get(String name) {
    return fields.get(name);
  }

  Optional<String> optional(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /**
   * {@code true}/{@code false} (any case), absent as false; anything else is a fault on {@code
   * name}.
   */
  boolean flag(String name, List<FieldError> errors) {
    String v = fields.get(name);
    if (v == null || v.equalsIgnoreCase("false")) {
      return false;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    errors.add(new FieldError(name, name + " must be true or false"));
    return false;
  }
}
