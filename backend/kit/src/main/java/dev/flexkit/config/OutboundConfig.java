package dev.flexkit.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Outbound settings: where agent-initiated interactions queue (Twilio requires a queue beside the
 * worker), the workflow that honours {@code KnownAgentWorkerSid} for "reply to me", the closed
 * timer every conversation we create gets, the canned-message file, and the API key back-office
 * systems present to the system-initiated SMS endpoints.
 */
public record OutboundConfig(
    Optional<String> queueSid,
    Optional<String> knownAgentWorkflowSid,
    Duration closedTimer,
    Optional<Path> cannedMessagesFile,
    Optional<String> backofficeApiKey,
    String smsTaskChannel,
    String whatsappTaskChannel) {
  /** Short keys can be guessed; 16 characters is the floor, a random 32+ the advice. */
  static final int MIN_API_KEY_LENGTH = 16;

  private static final Pattern QUEUE = Pattern.compile("WQ[0-9a-f]{32}");
  private static final Pattern WORKFLOW = Pattern.compile("WW[0-9a-f]{32}");
  // TaskRouter refuses hyphens in task channel names (R40).
  private static final Pattern TASK_CHANNEL = Pattern.compile("[a-z0-9_]{1,64}");

  static OutboundConfig from(ConfigSource source) {
    Optional<String> queue = source.get("TWILIO_OUTBOUND_QUEUE_SID");
    queue
        .filter(q -> !QUEUE.matcher(q).matches())
        .ifPresent(
            q -> {
              throw new InvalidConfigException(
                  "TWILIO_OUTBOUND_QUEUE_SID", "must be WQ followed by 32 hex characters");
            });
    Optional<String> workflow = source.get("TWILIO_KNOWN_AGENT_WORKFLOW_SID");
    workflow
        .filter(w -> !WORKFLOW.matcher(w).matches())
        .ifPresent(
            w -> {
              throw new InvalidConfigException(
                  "TWILIO_KNOWN_AGENT_WORKFLOW_SID", "must be WW followed by 32 hex characters");
            });
    Duration closed;
    try {
      closed = Duration.parse(source.getOrDefault("OUTBOUND_CLOSED_TIMER", "P1D"));
    } catch (DateTimeParseException e) {
      throw new InvalidConfigException(
          "OUTBOUND_CLOSED_TIMER", "must be an ISO-8601 duration such as P1D or PT12H");
    }
    if (closed.compareTo(Duration.ofMinutes(10)) < 0) {
      throw new InvalidConfigException(
          "OUTBOUND_CLOSED_TIMER", "must be at least PT10M (Twilio's minimum)");
    }
    Optional<Path> canned = source.get("CANNED_MESSAGES_FILE").map(Path::of);
    canned
        .filter(p -> !Files.isRegularFile(p))
        .ifPresent(
            p -> {
              throw new InvalidConfigException("CANNED_MESSAGES_FILE", "no such file: " + p);
            });
    Optional<String> apiKey = source.get("BACKOFFICE_API_KEY");
    apiKey
        .filter(k -> k.length() < MIN_API_KEY_LENGTH || k.chars().anyMatch(Character::isWhitespace))
        .ifPresent(
            k -> {
              throw new InvalidConfigException(
                  "BACKOFFICE_API_KEY",
                  "must be at least "
                      + MIN_API_KEY_LENGTH
                      + " characters without spaces (e.g. openssl rand -hex 32)");
            });
    return new OutboundConfig(
        queue,
        workflow,
        closed,
        canned,
        apiKey,
        taskChannel(source, "TASK_CHANNEL_SMS", "sms"),
        taskChannel(source, "TASK_CHANNEL_WHATSAPP", "chat"));
  }

  private static String taskChannel(ConfigSource source, String key, String fallback) {
    String name = source.getOrDefault(key, fallback);
    if (!TASK_CHANNEL.matcher(name).matches()) {
      throw new InvalidConfigException(
          key, "must be a task channel's unique name (lower-case letters, digits, _), e.g. chat");
    }
    return name;
  }

  @Override
  public String toString() {
    return "OutboundConfig[queueSid="
        + queueSid
        + ", knownAgentWorkflowSid="
        + knownAgentWorkflowSid
        + ", closedTimer="
        + closedTimer
        + ", cannedMessagesFile="
        + cannedMessagesFile
        + ", backofficeApiKey="
        + backofficeApiKey.map(k -> "(set)").orElse("(unset)")
        + ", smsTaskChannel="
        + smsTaskChannel
        + ", whatsappTaskChannel="
        + whatsappTaskChannel
        + "]";
  }
}
