package dev.flexkit.sandbox.fidelity;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Twilio's OpenAPI specs (twilio-oai, as shipped in {@code @twilio-alpha/mcp}), one validator per
 * product and version, built on first use and shared by every sandbox in the JVM (a spec costs most
 * of a second to load and the validators are thread-safe).
 *
 * <p>Before building a validator the spec is tightened where Twilio's files are too loose to catch
 * anything: every property a response schema declares becomes required (Twilio marks none, so
 * {@code {}} would pass), and enum schemas used by {@code $ref} become nullable (Twilio returns
 * null for some of them, e.g. a webhook {@code method}, which a {@code $ref} cannot say).
 */
public final class TwilioSpecs {
  /** {@code product/version} as in our paths → the spec file. */
  static final Map<String, String> FILES =
      Map.of(
          "conversations/v1", "twilio_conversations_v1.json",
          "flex-api/v1", "twilio_flex_v1.json",
          "taskrouter/v1", "twilio_taskrouter_v1.json",
          "content/v1", "twilio_content_v1.json",
          "content/v2", "twilio_content_v2.json",
          "iam/v1", "twilio_iam_v1.json");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Path, TwilioSpecs> LOADED = new ConcurrentHashMap<>();

  private final Path dir;
  private final Map<String, Optional<OpenApiInteractionValidator>> validators =
      new ConcurrentHashMap<>();

  private TwilioSpecs(Path dir) {
    this.dir = dir;
  }

  /** The specs in {@code dir}; fails at once when the directory holds none of them. */
  public static TwilioSpecs in(Path dir) {
    Path normal = dir.toAbsolutePath().normalize();
    if (!Files.isRegularFile(normal.resolve(FILES.get("conversations/v1")))) {
      throw new IllegalArgumentException(
          "no Twilio OpenAPI specs in "
              + normal
              + " (expected "
              + FILES.get("conversations/v1")
              + "; the backend build fetches them into target/twilio-oai)");
    }
    return LOADED.computeIfAbsent(normal, TwilioSpecs::new);
  }

  /** The validator for {@code product/version}, or empty when Twilio publishes no spec for it. */
  Optional<OpenApiInteractionValidator> validator(String productVersion) {
    return validators.computeIfAbsent(productVersion, this::build);
  }

  private Optional<OpenApiInteractionValidator> build(String productVersion) {
    String file = FILES.get(productVersion);
    if (file == null || !Files.isRegularFile(dir.resolve(file))) {
      return Optional.empty();
    }
    try {
      JsonNode spec = JSON.readTree(dir.resolve(file).toFile());
      return Optional.of(fromSpec(spec));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
    }
  }

  /**
   * A validator for one (tightened) spec; public to tests through {@link SpecConformance#forSpec}.
   */
  static OpenApiInteractionValidator fromSpec(JsonNode spec) {
    JsonNode tightened = tighten(spec.deepCopy());
    return OpenApiInteractionValidator.createForInlineApiSpecification(tightened.toString())
        .withLevelResolver(
            LevelResolver.create()
                // Twilio sends fields its specs lack (TaskRouter above all); inventing fields is
                // not what we police.
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .withLevel(
                    "validation.response.body.schema.additionalProperties",
                    ValidationReport.Level.IGNORE)
                .withLevel(
                    "validation.request.body.schema.additionalProperties",
                    ValidationReport.Level.IGNORE)
                // The traffic filter already enforced Basic auth.
                .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                .build())
        .build();
  }

  static JsonNode tighten(JsonNode spec) {
    JsonNode schemas = spec.path("components").path("schemas");
    Set<String> enums = new HashSet<>();
    schemas
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().has("enum")) {
                enums.add("#/components/schemas/" + e.getKey());
                ((ObjectNode) e.getValue()).put("nullable", true);
              }
            });
    schemas.forEach(TwilioSpecs::requireDeclared);
    spec.path("paths")
        .forEach(
            item ->
                item.forEach(
                    operation ->
                        operation
                            .path("responses")
                            .forEach(
                                response ->
                                    response
                                        .path("content")
                                        .forEach(media -> requireDeclared(media.path("schema"))))));
    return spec;
  }

  private static void requireDeclared(JsonNode schema) {
    if (!(schema instanceof ObjectNode node)) {
      return;
    }
    JsonNode properties = node.path("properties");
    if (properties instanceof ObjectNode props && props.size() > 0) {
      ArrayNode required = node.putArray("required");
      for (Iterator<String> names = props.fieldNames(); names.hasNext(); ) {
        required.add(names.next());
      }
      props.forEach(TwilioSpecs::requireDeclared);
    }
    requireDeclared(node.path("items"));
    for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
      node.path(combinator).forEach(TwilioSpecs::requireDeclared);
    }
  }
}
