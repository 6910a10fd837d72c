package dev.flexkit.sandbox.phone;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The customers' handsets: what each one received from our numbers, when each last wrote to each of
 * our numbers (which opens WhatsApp's 24-hour customer-service window), and which ones cannot be
 * reached (switched off, out of coverage, a number that does not exist).
 */
public final class CustomerPhones {
  public static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

  /** One message on a customer's phone, from one of our numbers. */
  public record Received(
      String from, String to, String body, String contentSid, Instant dateCreated) {}

  private final Map<String, List<Received>> inboxes = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastInbound = new ConcurrentHashMap<>();
  private final Map<String, Integer> unreachable = new ConcurrentHashMap<>();

  /**
   * The carrier errors Twilio reports for a handset it could not reach; a message to such a
   * customer is accepted, then its receipt turns {@code undelivered} with the code.
   */
  public static final Map<Integer, String> UNREACHABLE_ERRORS =
      Map.of(
          30003, "Unreachable destination handset",
          30004, "Message blocked",
          30005, "Unknown destination handset",
          30006, "Landline or unreachable carrier",
          30007, "Message filtered",
          30008, "Unknown error");

  /**
   * From now on messages to {@code customer} are not delivered; Twilio reports {@code errorCode}.
   */
  public void makeUnreachable(String customer, int errorCode) {
    if (!UNREACHABLE_ERRORS.containsKey(errorCode)) {
      throw new IllegalArgumentException("not a handset delivery error: " + errorCode);
    }
    unreachable.put(customer, errorCode);
  }

  public void makeReachable(String customer) {
    unreachable.remove(customer);
  }

  /** The error code a message to {@code customer} fails with, if the handset cannot be reached. */
  public Optional<Integer> unreachableError(String customer) {
    return Optional.ofNullable(unreachable.get(customer));
  }

  public void deliver(Received message) {
    List<Received> inbox = inboxes.computeIfAbsent(message.to(), k -> new ArrayList<>());
    synchronized (inbox) {
      inbox.add(message);
    }
  }

  /** Oldest first. */
  public List<Received> inbox(String customer) {
    List<Received> inbox = inboxes.getOrDefault(customer, List.of());
    synchronized (inbox) {
      return List.copyOf(inbox);
    }
  }

  public void recordInbound(String customer, String ourNumber, Instant at) {
    lastInbound.merge(key(customer, ourNumber), at, (a, b) -> a.isAfter(b) ? a : b);
  }

  public Optional<Instant> lastInbound(String customer, String ourNumber) {
    return Optional.ofNullable(lastInbound.get(key(customer, ourNumber)));
  }

  /** Only the customer's own messages open or extend the window; ours never do. */
  public boolean insideWhatsAppWindow(String customer, String ourNumber, Instant now) {
    return lastInbound(customer, ourNumber)
        .map(at -> now.isBefore(at.plus(WHATSAPP_WINDOW)))
        .orElse(false);
  }

  private static String key(String customer, String ourNumber) {
    return customer + "|" + ourNumber;
  }
}
