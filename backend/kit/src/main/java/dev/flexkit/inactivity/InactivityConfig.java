package dev.flexkit.inactivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.rest.flexapi.v1.Configuration;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code ui_attributes.customerInactivity} from the Flex Configuration (the reference
 * plugin's {@code timer_sec, warning_sec, warning_message}, plus {@code author}, {@code
 * agent_messages_reset}, {@code channels.<type>} and {@code queues.<WQ sid>} overrides). Anything
 * missing or invalid falls back to the layer below and is reported, never thrown.
 */
public final class InactivityConfig implements SettingsSource {
  private static final Duration CACHE = Duration.ofSeconds(30);

  private final TwilioGateway twilio;
  private final Clock clock;
  private final ObjectMapper json = ObjectMappers.PLAIN;
  private volatile JsonNode cached;
  private volatile Instant fetchedAt;
  private volatile List<String> problems = List.of();

  public InactivityConfig(TwilioGateway twilio, Clock clock) {
    this.twilio = twilio;
    this.clock = clock;
  }

  @Override
  public InactivitySettings forChannel(String channelType, String queueSid) {
    JsonNode root = root();
    List<String> found = new ArrayList<>(problemsOfFetch);
    InactivitySettings s = layer(InactivitySettings.DEFAULTS, root, "customerInactivity", found);
    if (channelType != null) {
      s = layer(s, root.path("channels").path(channelType), "channels." + channelType, found);
    }
    if (queueSid != null) {
      s = layer(s, root.path("queues").path(queueSid), "queues." + queueSid, found);
    }
    problems = List.copyOf(found);
    return s;
  }

  /** What was wrong with the configuration last time it was read; empty when all is well. */
  public List<String> problems() {
    forChannel(null, null);
    return problems;
  }

  private volatile List<String> problemsOfFetch = List.of();

  private JsonNode root() {
    Instant now = clock.instant();
    if (cached != null && fetchedAt != null && now.isBefore(fetchedAt.plus(CACHE))) {
      return cached;
    }
    try {
      Object ui =
          twilio.call(
              "fetch Flex configuration", c -> Configuration.fetcher().fetch(c).getUiAttributes());
      JsonNode node = ui == null ? json.createObjectNode() : json.valueToTree(ui);
      if (node.isTextual()) {
        node = json.readTree(node.asText());
      }
      JsonNode ci = node.path("customerInactivity");
      cached = ci.isObject() ? ci : json.createObjectNode();
      problemsOfFetch = List.of();
    } catch (Exception e) {
      problemsOfFetch = List.of("could not read the Flex configuration: " + e.getMessage());
      if (cached == null) {
        cached = json.createObjectNode();
      }
    }
    fetchedAt = now;
    return cached;
  }

  /** Drops the cached configuration, so the next read fetches it again. */
  public void invalidate() {
    fetchedAt = null;
  }

  static InactivitySettings layer(
      InactivitySettings base, JsonNode node, String where, List<String> problems) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return base;
    }
    if (!(node instanceof ObjectNode)) {
      problems.add(where + " is not an object");
      return base;
    }
    int timer = base.timerSec();
    int warning = base.warningSec();
    if (node.has("timer_sec")) {
      JsonNode t = node.get("timer_sec");
      if (!t.canConvertToInt() || !t.isIntegralNumber() || t.asInt() < 10 || t.asInt() > 604_800) {
        problems.add(
            where + ".timer_sec must be a whole number of seconds between 10 and 604800 (7 days)");
        return base;
      }
      timer = t.asInt();
    }
    if (node.has("warning_sec")) {
      JsonNode w = node.get("warning_sec");
      if (!w.isIntegralNumber() || w.asInt() < 0) {
        problems.add(where + ".warning_sec must be a whole number of seconds, 0 or more");
        return base;
      }
      warning = w.asInt();
    }
    if (warning >= timer) {
      problems.add(where + ": warning_sec must be less than timer_sec");
      return base;
    }
    String message = base.warningMessage();
    if (node.has("warning_message")) {
      JsonNode m = node.get("warning_message");
      if (!m.isTextual() || m.asText().isBlank() || m.asText().length() > 1600) {
        problems.add(where + ".warning_message must be non-empty text of at most 1600 characters");
        return base;
      }
      message = m.asText();
    }
    String author =
        node.path("author").isTextual() && !node.get("author").asText().isBlank()
            ? node.get("author").asText()
            : base.author();
    boolean agentReset =
        node.path("agent_messages_reset").isBoolean()
            ? node.get("agent_messages_reset").asBoolean()
            : base.agentMessagesReset();
    return new InactivitySettings(timer, warning, message, author, agentReset);
  }
}
