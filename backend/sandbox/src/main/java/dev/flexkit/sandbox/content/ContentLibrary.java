package dev.flexkit.sandbox.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.sandbox.wire.TwilioException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The account's templates (seeded, read-only) and how a send fills in their variables. */
public final class ContentLibrary {
  public static final String ORDER_UPDATE = "HXf1e8c0de000000000000000000000001";
  public static final String APPOINTMENT_REMINDER = "HXf1e8c0de000000000000000000000002";
  public static final String SPRING_PROMO = "HXf1e8c0de000000000000000000000003";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");
  private static final int MAX_VARIABLES = 100;
  private static final int MAX_KEY = 16;
  private static final int MAX_VALUE = 1600;

  private final List<ContentTemplate> templates;

  private ContentLibrary(List<ContentTemplate> templates) {
    this.templates = templates;
  }

  public static ContentLibrary seeded(Instant at) {
    return new ContentLibrary(
        List.of(
            new ContentTemplate(
                ORDER_UPDATE,
                "order_update",
                "en",
                Map.of("1", "Alex", "2", "#1042"),
                "Hi {{1}}, your order {{2}} has shipped. Reply here if you have any questions.",
                new ContentTemplate.WhatsAppApproval(
                    "order_update", "UTILITY", "approved", "", false),
                at),
            new ContentTemplate(
                APPOINTMENT_REMINDER,
                "appointment_reminder",
                "en",
                Map.of("1", "Sam", "2", "Monday 10:00"),
                "Hello {{1}}, this is a reminder of your appointment on {{2}}. Reply to talk to an agent.",
                new ContentTemplate.WhatsAppApproval(
                    "appointment_reminder", "UTILITY", "approved", "", false),
                at),
            new ContentTemplate(
                SPRING_PROMO,
                "spring_promo",
                "en",
                Map.of("1", "Jordan", "2", "20%"),
                "{{1}}, enjoy {{2}} off everything this spring!",
                new ContentTemplate.WhatsAppApproval(
                    "spring_promo",
                    "MARKETING",
                    "rejected",
                    "INVALID_FORMAT: promotional content needs an opt-out line",
                    true),
                at)));
  }

  public List<ContentTemplate> all() {
    return templates;
  }

  public Optional<ContentTemplate> find(String sid) {
    return templates.stream().filter(t -> t.sid().equals(sid)).findFirst();
  }

  /**
   * The text the customer receives: each {@code {{key}}} replaced by the sent value, or by the
   * template's sample value when the send left it out (as Twilio falls back).
   */
  public String render(ContentTemplate template, String contentVariablesOrNull) {
    Map<String, String> values = new LinkedHashMap<>(template.variables());
    values.putAll(parse(contentVariablesOrNull));
    Matcher m = PLACEHOLDER.matcher(template.body());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Map<String, String> parse(String contentVariables) {
    Map<String, String> values = new LinkedHashMap<>();
    if (contentVariables == null || contentVariables.isBlank()) {
      return values;
    }
    JsonNode node;
    try {
      node = JSON.readTree(contentVariables);
    } catch (Exception e) {
      throw invalidVariables();
    }
    if (node == null || !node.isObject() || node.size() > MAX_VARIABLES) {
      throw invalidVariables();
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.isEmpty()
          || key.length() > MAX_KEY
          || key.contains(" ")
          || !value.isValueNode()
          || value.isNull()
          || value.asText().isEmpty()
          || value.asText().length() > MAX_VALUE) {
        throw invalidVariables();
      }
      values.put(key, value.asText());
    }
    return values;
  }

  private static TwilioException invalidVariables() {
    return new TwilioException(400, 21656, "The ContentVariables Parameter is invalid.");
  }
}
