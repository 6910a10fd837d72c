package dev.flexkit.sandbox.fidelity;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one emulator exchange at a time against what Twilio would answer, and keeps what did not
 * conform. Successful answers are checked (with the request that produced them) against Twilio's
 * OpenAPI spec for the product; the specs define no errors, so 4xx/5xx answers are checked for
 * Twilio's error shape {@code {code, message, more_info, status}}; IAM's token validation is not in
 * any spec and is checked by hand against the documented shape.
 */
public final class SpecConformance {
  private static final Logger LOG = LoggerFactory.getLogger(SpecConformance.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_KEPT = 1000;
  private static final Pattern PRODUCT_PATH = Pattern.compile("^/([a-z-]+)/(v\\d+)(/.*)?$");
  private static final Pattern IAM_VALIDATE =
      Pattern.compile("^/v1/Accounts/[^/]+/Tokens/validate$");

  /**
   * The form parser turns {@code 123}/{@code true}/{@code +1555…} into numbers and one-element
   * lists into strings.
   */
  // An empty form value (e.g. PostWebhookUrl= to clear a URL) reaches the validator as null.
  private static final Pattern FORM_COERCION =
      Pattern.compile(
          "Instance type \\((integer|number|boolean|null)\\) does not match any allowed primitive type \\(allowed: \\[\"string\"\\]\\)"
              + "|Instance type \\(string\\) does not match any allowed primitive type \\(allowed: \\[\"array\"\\]\\)");

  /**
   * One exchange as seen on the wire; {@code path} is under {@code /twilio}, e.g. {@code
   * /conversations/v1/Conversations}.
   */
  public record Exchange(
      String method,
      String path,
      Map<String, List<String>> query,
      String requestContentType,
      byte[] requestBody,
      int status,
      String responseContentType,
      byte[] responseBody) {}

  public record Violation(
      String method, String path, int status, List<String> problems, Instant at) {}

  private final Function<String, Optional<OpenApiInteractionValidator>> validators;
  private final Path report;
  private final List<Violation> violations = new ArrayList<>();
  private final AtomicLong checked = new AtomicLong();

  private SpecConformance(
      Function<String, Optional<OpenApiInteractionValidator>> validators, Path reportOrNull) {
    this.validators = validators;
    this.report = reportOrNull;
  }

  /**
   * Against the specs in {@code specDir}; violations also go, one JSON line each, to {@code
   * reportOrNull}.
   */
  public static SpecConformance against(Path specDir, Path reportOrNull) {
    TwilioSpecs specs = TwilioSpecs.in(specDir);
    return new SpecConformance(specs::validator, reportOrNull);
  }

  /** Against one spec for one {@code product/version}, e.g. a fragment in a unit test. */
  public static SpecConformance forSpec(String productVersion, JsonNode spec) {
    OpenApiInteractionValidator validator = TwilioSpecs.fromSpec(spec);
    return new SpecConformance(
        pv -> pv.equals(productVersion) ? Optional.of(validator) : Optional.empty(), null);
  }

  /** Checks and records; returns the problems found (empty when the exchange conforms). */
  public List<String> check(Exchange exchange) {
    checked.incrementAndGet();
    List<String> problems;
    try {
      problems = problems(exchange);
    } catch (RuntimeException e) {
      problems = List.of("the validator failed: " + e);
    }
    if (!problems.isEmpty()) {
      Violation v =
          new Violation(
              exchange.method(), exchange.path(), exchange.status(), problems, Instant.now());
      LOG.warn(
          "sandbox answer does not conform to Twilio's spec: {} {} {} {}",
          v.method(),
          v.path(),
          v.status(),
          problems);
      synchronized (this) {
        if (violations.size() < MAX_KEPT) {
          violations.add(v);
        }
        append(v);
      }
    }
    return problems;
  }

  public synchronized List<Violation> violations() {
    return List.copyOf(violations);
  }

  public long checked() {
    return checked.get();
  }

  public synchronized void clear() {
    violations.clear();
  }

  private List<String> problems(Exchange x) {
    var m = PRODUCT_PATH.matcher(x.path());
    if (!m.matches()) {
      return x.status() >= 400 ? errorShape(x) : List.of("not a Twilio product path");
    }
    String productVersion = m.group(1) + "/" + m.group(2);
    String specPath = "/" + m.group(2) + (m.group(3) == null ? "" : m.group(3));
    if (x.status() >= 400) {
      return errorShape(x);
    }
    if (m.group(1).equals("iam") && IAM_VALIDATE.matcher(specPath).matches()) {
      return iamValidateShape(x);
    }
    Optional<OpenApiInteractionValidator> validator = validators.apply(productVersion);
    if (validator.isEmpty()) {
      return List.of("no Twilio spec covers " + productVersion);
    }
    Request.Method method = Request.Method.valueOf(x.method().toUpperCase(Locale.ROOT));
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, specPath);
    x.query().forEach(request::withQueryParam);
    if (x.requestContentType() != null) {
      request.withContentType(x.requestContentType());
    }
    if (x.requestBody() != null && x.requestBody().length > 0) {
      request.withBody(x.requestBody());
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(x.status());
    if (x.responseContentType() != null) {
      response.withContentType(x.responseContentType());
    }
    if (x.responseBody() != null && x.responseBody().length > 0) {
      response.withBody(x.responseBody());
    }
    ValidationReport report = validator.get().validate(request.build(), response.build());
    boolean form =
        x.requestContentType() != null
            && x.requestContentType().startsWith("application/x-www-form-urlencoded");
    List<String> problems = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      if (form
          && message.getKey().startsWith("validation.request.body.schema.type")
          && formCoercion(message)) {
        continue;
      }
      problems.add(describe(message));
    }
    return problems;
  }

  private static boolean formCoercion(ValidationReport.Message message) {
    if (FORM_COERCION.matcher(message.getMessage()).find()) {
      return true;
    }
    return message.getNestedMessages().stream()
            .allMatch(n -> FORM_COERCION.matcher(n.getMessage()).find())
        && !message.getNestedMessages().isEmpty();
  }

  private static String describe(ValidationReport.Message message) {
    StringBuilder s = new StringBuilder(message.getKey()).append(": ").append(message.getMessage());
    message.getNestedMessages().forEach(n -> s.append(" | ").append(n.getMessage()));
    return s.toString();
  }

  private static List<String> errorShape(Exchange x) {
    List<String> problems = new ArrayList<>();
    JsonNode body = json(x, problems);
    if (body == null) {
      return problems;
    }
    if (!body.path("code").isInt()) {
      problems.add("error body: code must be an integer");
    }
    if (!body.path("message").isTextual()) {
      problems.add("error body: message must be a string");
    }
    if (!body.path("more_info").isTextual()
        || !body.path("more_info").asText().startsWith("https://www.twilio.com/docs/errors/")) {
      problems.add("error body: more_info must be https://www.twilio.com/docs/errors/<code>");
    }
    if (!body.path("status").isInt() || body.path("status").asInt() != x.status()) {
      problems.add("error body: status must repeat the HTTP status " + x.status());
    }
    return problems;
  }

  /**
   * {@code {valid:true, code:0, message:null, expiration, realm_user_id, identity, roles,
   * worker_sid}} (R48) or {@code {valid:false, message}} and nothing else (R49).
   */
  private static List<String> iamValidateShape(Exchange x) {
    List<String> problems = new ArrayList<>();
    JsonNode body = json(x, problems);
    if (body == null) {
      return problems;
    }
    if (x.status() != 200) {
      problems.add("token validation answers 200");
    }
    if (!body.path("valid").isBoolean()) {
      problems.add("valid must be a boolean");
    }
    if (body.path("valid").asBoolean()) {
      if (!body.path("code").isInt()
          || body.path("code").asInt(-1) != 0
          || !body.has("message")
          || !body.get("message").isNull()) {
        problems.add("a valid token has code 0 and message null");
      }
      if (!body.path("expiration").isTextual()
          || !body.path("identity").isTextual()
          || !body.path("realm_user_id").isTextual()
          || !body.path("roles").isArray()
          || !body.path("worker_sid").asText().matches("WK[0-9a-f]{32}")) {
        problems.add(
            "a valid token has expiration, realm_user_id, identity, roles[] and worker_sid WK…");
      }
    } else {
      if (!body.path("message").isTextual()) {
        problems.add("an invalid token has a message");
      }
      if (body.size() != 2) {
        problems.add("an invalid token's answer is only {valid:false, message}");
      }
    }
    return problems;
  }

  private static JsonNode json(Exchange x, List<String> problems) {
    if (x.responseContentType() == null
        || !x.responseContentType().startsWith("application/json")) {
      problems.add("Content-Type must be application/json, was " + x.responseContentType());
      return null;
    }
    try {
      JsonNode body = JSON.readTree(x.responseBody());
      if (body == null || !body.isObject()) {
        problems.add("body must be a JSON object");
        return null;
      }
      return body;
    } catch (IOException e) {
      problems.add("body is not JSON");
      return null;
    }
  }

  private void append(Violation v) {
    if (report == null) {
      return;
    }
    try {
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(
          report,
          JSON.writeValueAsString(
                  Map.of(
                      "method",
                      v.method(),
                      "path",
                      v.path(),
                      "status",
                      v.status(),
                      "problems",
                      v.problems(),
                      "at",
                      v.at().toString()))
              + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.error("cannot write the spec violation report {}", report, e);
    }
  }
}
