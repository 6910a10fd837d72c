package dev.flexkit.outbound;

import java.time.Duration;
import java.util.Optional;

/**
 * How outbound sends are routed: the queue agent-initiated interactions name (Twilio requires one
 * beside the worker), the workflow that honours {@code KnownAgentWorkerSid} for "reply to me", the
 * closed timer every conversation we create gets so none lives forever, and the task channel each
 * messaging channel's tasks go to (a Flex workspace has no {@code whatsapp} task channel, R39).
 */
public record OutboundSettings(
    String queueSid,
    Optional<String> knownAgentWorkflowSid,
    Duration closedTimer,
    String smsTaskChannel,
    String whatsappTaskChannel) {
  public String closedTimerIso() {
    return closedTimer.toString();
  }

  /** The task channel for {@code sms} or {@code whatsapp}. */
  public String taskChannel(String channelType) {
    return "whatsapp".equals(channelType) ? whatsappTaskChannel : smsTaskChannel;
  }

  public String taskChannel(OutboundSend.Channel channel) {
    return taskChannel(channel.wire());
  }
}
