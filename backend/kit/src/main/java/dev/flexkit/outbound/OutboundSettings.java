package dev.flexkit.outbound;

import java.time.Duration;
import java.util.Optional;

/**
 * How outbound sends are routed: the queue agent-initiated interactions name (Twilio requires one
 * beside the worker), the workflow that honours {@code KnownAgentWorkerSid} for "reply to me", and
 * the closed timer every conversation we create gets so none lives forever.
 */
public record OutboundSettings(
    String queueSid, Optional<String> knownAgentWorkflowSid, Duration closedTimer) {
  public String closedTimerIso() {
    return closedTimer.toString();
  }
}
