package dev.flexkit.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the kit meets the account's Flex set-up: the TaskRouter workspace and default workflow, and
 * the numbers agents may send from: from settings, or from the emulator the app points at.
 */
public record FlexSettings(
    Optional<String> workspaceSid,
    Optional<String> workflowSid,
    Optional<String> transferWorkflowSid,
    List<String> smsSenders,
    List<String> whatsappSenders,
    boolean registerWebhooks) {

  private static final Pattern WORKSPACE = Pattern.compile("WS[0-9a-f]{32}");
  private static final Pattern WORKFLOW = Pattern.compile("WW[0-9a-f]{32}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  static FlexSettings from(ConfigSource source) {
    Optional<String> workspace = source.get("TWILIO_WORKSPACE_SID");
    workspace
        .filter(w -> !WORKSPACE.matcher(w).matches())
        .ifPresent(
            w -> {
              throw new InvalidConfigException(
                  "TWILIO_WORKSPACE_SID", "must be WS followed by 32 hex characters");
            });
    Optional<String> workflow = source.get("TWILIO_WORKFLOW_SID");
    workflow
        .filter(w -> !WORKFLOW.matcher(w).matches())
        .ifPresent(
            w -> {
              throw new InvalidConfigException(
                  "TWILIO_WORKFLOW_SID", "must be WW followed by 32 hex characters");
            });
    Optional<String> transferWorkflow = source.get("TWILIO_TRANSFER_WORKFLOW_SID");
    transferWorkflow
        .filter(w -> !WORKFLOW.matcher(w).matches())
        .ifPresent(
            w -> {
              throw new InvalidConfigException(
                  "TWILIO_TRANSFER_WORKFLOW_SID", "must be WW followed by 32 hex characters");
            });
    List<String> sms = numbers(source, "TWILIO_SMS_SENDERS", "");
    List<String> whatsapp = numbers(source, "TWILIO_WHATSAPP_SENDERS", "whatsapp:");
    String register = source.getOrDefault("TWILIO_REGISTER_WEBHOOKS", "false").toLowerCase();
    if (!register.equals("true") && !register.equals("false")) {
      throw new InvalidConfigException("TWILIO_REGISTER_WEBHOOKS", "must be true or false");
    }
    return new FlexSettings(
        workspace, workflow, transferWorkflow, sms, whatsapp, register.equals("true"));
  }

  private static List<String> numbers(ConfigSource source, String key, String prefix) {
    List<String> values =
        Arrays.stream(source.getOrDefault(key, "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    for (String v : values) {
      if (!v.startsWith(prefix) || !E164.matcher(v.substring(prefix.length())).matches()) {
        throw new InvalidConfigException(
            key, "'" + v + "' is not " + (prefix.isEmpty() ? "" : prefix) + "+E.164");
      }
    }
    return values;
  }

  /**
   * An account's set-up known up front (an emulator's seeds), with registration at start on: the
   * webhooks, and the transfer workflow, which the kit makes through the API.
   */
  public static FlexSettings known(
      String workspaceSid, String workflowSid, List<String> sms, List<String> whatsapp) {
    return new FlexSettings(
        Optional.of(workspaceSid),
        Optional.of(workflowSid),
        Optional.empty(),
        List.copyOf(sms),
        List.copyOf(whatsapp),
        true);
  }
}
