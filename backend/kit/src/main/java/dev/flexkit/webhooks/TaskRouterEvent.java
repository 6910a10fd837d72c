package dev.flexkit.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One TaskRouter event callback (TWILIO-FACTS §7): {@code task.completed}, {@code
 * reservation.accepted}, …
 */
public record TaskRouterEvent(Map<String, List<String>> params) {
  public String eventType() {
    return get("EventType").orElse("");
  }

  public Optional<String> taskSid() {
    return get("TaskSid");
  }

  public Optional<String> reservationSid() {
    return get("ReservationSid");
  }

  public Optional<String> workerSid() {
    return get("WorkerSid");
  }

  /** The task's attributes as TaskRouter sent them: a JSON string. */
  public Optional<String> taskAttributes() {
    return get("TaskAttributes");
  }

  public Optional<String> get(String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
  }
}
