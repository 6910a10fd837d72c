package dev.flexkit.outbound;

import dev.flexkit.outbound.Refusal.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Seeds 001/002's fields checked like an agent's send, every fault reported at once under the
 * seed's names.
 */
final class BackOfficeValidation {
  private static final Pattern CHANNEL_SID = Pattern.compile("CH[0-9a-fA-F]{32}");
  private static final Pattern WORKER_SID = Pattern.compile("WK[0-9a-fA-F]{32}");
  private static final int MAX_NAME = 255;

  private record Parties(
      OutboundSend.Channel channel, String customer, String sender, String name) {}

  private final OutboundValidation outbound;

  BackOfficeValidation(OutboundValidation outbound) {
    this.outbound = outbound;
  }

  /** {@code flex-initiate-outbound-sms-task}. */
  BackOfficeTask task(DropInFields f) {
    List<FieldError> errors = new ArrayList<>();
    Parties p = parties(f, errors);
    String message = f.get("initialNotificationMessage");
    body(message, "initialNotificationMessage", false, errors);
    String source = f.get("sourceChatChannelSid");
    if (source != null && !CHANNEL_SID.matcher(source).matches()) {
      errors.add(
          new FieldError(
              "sourceChatChannelSid",
              "sourceChatChannelSid must be CH followed by 32 hex characters"));
    }
    String worker = f.get("targetWorkerSid");
    if (worker != null && !WORKER_SID.matcher(worker).matches()) {
      errors.add(
          new FieldError(
              "targetWorkerSid", "targetWorkerSid must be WK followed by 32 hex characters"));
    }
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors);
    }
    return new BackOfficeTask(
        p.channel(), p.customer(), p.sender(), p.name(), message, source, worker);
  }

  /**
   * {@code flex-initiate-outbound-sms}: a send that waits for a reply any agent may take, which is
   * what a new message from the customer to the number would become.
   */
  OutboundSend notification(DropInFields f) {
    List<FieldError> errors = new ArrayList<>();
    Parties p = parties(f, errors);
    String body = f.get("messageBody");
    body(body, "messageBody", true, errors);
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors);
    }
    return new OutboundSend(
        p.channel(),
        p.customer(),
        p.sender(),
        body,
        null,
        Map.of(),
        OutboundSend.Mode.WAIT_FOR_REPLY,
        OutboundSend.RouteTo.ANY,
        p.name(),
        OutboundSend.OnExisting.REUSE);
  }

  private Parties parties(DropInFields f, List<FieldError> errors) {
    String to = f.get("toNumber");
    String from = f.get("fromNumber");
    boolean whatsapp =
        (to != null && to.startsWith("whatsapp:"))
            || (from != null && from.startsWith("whatsapp:"));
    OutboundSend.Channel channel =
        whatsapp ? OutboundSend.Channel.WHATSAPP : OutboundSend.Channel.SMS;
    String number = OutboundValidation.e164(to, "toNumber", errors);
    String sender = outbound.configuredSender(from, channel, "fromNumber", errors);
    String name = f.get("toName");
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("toName", "toName is required"));
    } else if (name.length() > MAX_NAME) {
      errors.add(new FieldError("toName", "toName is longer than " + MAX_NAME + " characters"));
    }
    String customer = number == null ? null : whatsapp ? "whatsapp:" + number : number;
    return new Parties(channel, customer, sender, name == null ? null : name.trim());
  }

  private static void body(String text, String field, boolean required, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, field + " is required"));
      }
    } else if (text.length() > OutboundValidation.MAX_BODY) {
      errors.add(
          new FieldError(
              field, field + " is longer than " + OutboundValidation.MAX_BODY + " characters"));
    }
  }
}
