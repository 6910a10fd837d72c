package dev.flexkit.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.content.v1.ContentAndApprovals;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WhatsApp templates from the Content API: only approved ones, with their {{n}} variables and
 * sample values.
 */
public final class ContentTemplates {
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");

  public record Template(
      String sid,
      String name,
      String language,
      String body,
      List<String> variables,
      Map<String, String> sampleValues) {}

  private final TwilioGateway twilio;

  public ContentTemplates(TwilioGateway twilio) {
    this.twilio = twilio;
  }

  public List<Template> approvedForWhatsapp() {
    List<Template> out = new ArrayList<>();
    twilio.run(
        "list content templates",
        c ->
            ContentAndApprovals.reader()
                .setPageSize(100)
                .read(c)
                .forEach(
                    t -> {
                      JsonNode approval = JSON.valueToTree(t.getApprovalRequests());
                      String status =
                          approval
                              .path("whatsapp")
                              .path("status")
                              .asText(approval.path("status").asText(""));
                      if (!status.equals("approved")) {
                        return;
                      }
                      String body = text(JSON.valueToTree(t.getTypes()));
                      Map<String, String> samples = new LinkedHashMap<>();
                      JSON.valueToTree(t.getVariables())
                          .fields()
                          .forEachRemaining(e -> samples.put(e.getKey(), e.getValue().asText()));
                      TreeSet<String> variables = new TreeSet<>(samples.keySet());
                      Matcher m = PLACEHOLDER.matcher(body);
                      while (m.find()) {
                        variables.add(m.group(1));
                      }
                      out.add(
                          new Template(
                              t.getSid(),
                              t.getFriendlyName(),
                              t.getLanguage(),
                              body,
                              List.copyOf(variables),
                              samples));
                    }));
    return out;
  }

  private static String text(JsonNode types) {
    JsonNode text = types.path("twilio/text").path("body");
    if (text.isTextual()) {
      return text.asText();
    }
    for (JsonNode type : types) {
      if (type.path("body").isTextual()) {
        return type.path("body").asText();
      }
    }
    return "";
  }
}
