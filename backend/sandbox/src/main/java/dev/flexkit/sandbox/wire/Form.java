package dev.flexkit.sandbox.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;

/**
 * A Twilio form body as twilio-java sends it: dotted keys ({@code Timers.Inactive}), repeated keys
 * for lists ({@code Participant=…&Participant=…}) and JSON inside a field ({@code Routing={…}}).
 */
public final class Form {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MultivaluedMap<String, String> params;

  public Form(MultivaluedMap<String, String> params) {
    this.params = params;
  }

  public Optional<String> get(String name) {
    String v = params.getFirst(name);
    return v == null ? Optional.empty() : Optional.of(v);
  }

  public String required(String name) {
    return get(name)
        .filter(v -> !v.isEmpty())
        .orElseThrow(() -> TwilioException.missingParameter(name));
  }

  public List<String> all(String name) {
    List<String> v = params.get(name);
    return v == null ? List.of() : v;
  }

  public boolean has(String name) {
    return params.containsKey(name);
  }

  public Optional<Integer> integer(String name) {
    return get(name)
        .map(
            v -> {
              try {
                return Integer.parseInt(v.trim());
              } catch (NumberFormatException e) {
                throw TwilioException.invalidParameter(name, "'" + v + "' is not an integer");
              }
            });
  }

  public Optional<Boolean> bool(String name) {
    return get(name)
        .map(
            v ->
                switch (v.toLowerCase()) {
                  case "true" -> true;
                  case "false" -> false;
                  default ->
                      throw TwilioException.invalidParameter(name, "'" + v + "' is not a boolean");
                });
  }

  /** A JSON object or array carried in one form field. */
  public Optional<JsonNode> json(String name) {
    return get(name).map(v -> parseJson(name, v));
  }

  public static JsonNode parseJson(String name, String value) {
    try {
      return JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw TwilioException.invalidParameter(name, "not valid JSON");
    }
  }
}
