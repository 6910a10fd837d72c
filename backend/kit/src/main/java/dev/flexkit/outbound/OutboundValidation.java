package dev.flexkit.outbound;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.outbound.Refusal.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks every field and reports all faults at once, before anything reaches Twilio. */
public final class OutboundValidation {
  /** Conversations' limit for one message body. */
  static final int MAX_BODY = 1600;

  private static final Pattern CONTENT_SID = Pattern.compile("HX[0-9a-fA-F]{32}");
  private static final Pattern VARIABLE_KEY = Pattern.compile("[^\\s]{1,16}");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final FlexSettings flex;

  public OutboundValidation(FlexSettings flex) {
    this.flex = flex;
  }

  public OutboundSend validate(OutboundRequest r) {
    if (r == null) {
      throw Refusal.invalid(List.of(new FieldError("body", "a JSON object is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    OutboundSend.Channel channel = channel(r, errors);
    String number = e164(r.to(), errors);
    String customer =
        number == null || channel == null
            ? null
            : channel == OutboundSend.Channel.WHATSAPP ? "whatsapp:" + number : number;
    String sender = sender(r.from(), channel, errors);
    boolean hasBody = r.body() != null && !r.body().isBlank();
    boolean hasContent = r.contentSid() != null && !r.contentSid().isBlank();
    if (hasBody && hasContent) {
      errors.add(new FieldError("contentSid", "send either body or contentSid, not both"));
    } else if (!hasBody && !hasContent) {
      errors.add(new FieldError("body", "body or contentSid is required"));
    }
    if (hasBody && r.body().length() > MAX_BODY) {
      errors.add(new FieldError("body", "body is longer than " + MAX_BODY + " characters"));
    }
    if (hasContent && !CONTENT_SID.matcher(r.contentSid()).matches()) {
      errors.add(
          new FieldError("contentSid", "contentSid must be HX followed by 32 hex characters"));
    }
    Map<String, String> variables = r.contentVariables() == null ? Map.of() : r.contentVariables();
    if (!variables.isEmpty() && !hasContent) {
      errors.add(new FieldError("contentVariables", "contentVariables need a contentSid"));
    }
    variables.forEach(
        (k, v) -> {
          if (!VARIABLE_KEY.matcher(k).matches() || v == null || v.isBlank() || v.length() > 1600) {
            errors.add(
                new FieldError(
                    "contentVariables." + k,
                    "each variable needs a key of at most 16 characters and a non-empty value"));
          }
        });
    OutboundSend.Mode mode =
        parse(
            OutboundSend.Mode.class, r.mode(), "mode", "open-chat or wait-for-reply", null, errors);
    OutboundSend.RouteTo routeTo =
        parse(
            OutboundSend.RouteTo.class,
            r.routeTo(),
            "routeTo",
            "me or any",
            OutboundSend.RouteTo.ME,
            errors);
    OutboundSend.OnExisting onExisting =
        parse(
            OutboundSend.OnExisting.class,
            r.onExisting(),
            "onExisting",
            "fail, reuse or close",
            OutboundSend.OnExisting.FAIL,
            errors);
    if (r.customerName() != null && r.customerName().length() > 255) {
      errors.add(new FieldError("customerName", "customerName is longer than 255 characters"));
    }
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors);
    }
    return new OutboundSend(
        channel,
        customer,
        sender,
        hasBody ? r.body() : null,
        hasContent ? r.contentSid() : null,
        Map.copyOf(variables),
        mode,
        routeTo,
        r.customerName() == null || r.customerName().isBlank() ? number : r.customerName().trim(),
        onExisting);
  }

  private static OutboundSend.Channel channel(OutboundRequest r, List<FieldError> errors) {
    String c = r.channel();
    if (c == null || c.isBlank()) {
      return r.to() != null && r.to().startsWith("whatsapp:")
          ? OutboundSend.Channel.WHATSAPP
          : OutboundSend.Channel.SMS;
    }
    return switch (c) {
      case "sms" -> OutboundSend.Channel.SMS;
      case "whatsapp" -> OutboundSend.Channel.WHATSAPP;
      default -> {
        errors.add(new FieldError("channel", "channel must be sms or whatsapp"));
        yield null;
      }
    };
  }

  /** The customer's number in E.164, or null with an error. */
  static String e164(String raw, List<FieldError> errors) {
    return e164(raw, "to", errors);
  }

  /**
   * A number in E.164 (a {@code whatsapp:} prefix is dropped), or null with an error on {@code
   * field}.
   */
  static String e164(String raw, String field, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      errors.add(new FieldError(field, field + " is required"));
      return null;
    }
    String digits = raw.replaceFirst("^whatsapp:", "").trim();
    try {
      Phonenumber.PhoneNumber n = PHONES.parse(digits, null);
      if (!PHONES.isValidNumber(n)) {
        errors.add(new FieldError(field, "'" + raw + "' is not a valid phone number"));
        return null;
      }
      return PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      errors.add(
          new FieldError(
              field,
              field + " must be an international number starting with +, e.g. +14155550100"));
      return null;
    }
  }

  private String sender(String from, OutboundSend.Channel channel, List<FieldError> errors) {
    if (channel == null) {
      return null;
    }
    if ((from == null || from.isBlank()) && !senders(channel).isEmpty()) {
      return senders(channel).get(0);
    }
    return configuredSender(from, channel, "from", errors);
  }

  /**
   * {@code from} as one of the configured senders of the channel, or null with an error on {@code
   * field}.
   */
  String configuredSender(
      String from, OutboundSend.Channel channel, String field, List<FieldError> errors) {
    List<String> senders = senders(channel);
    if (senders.isEmpty()) {
      errors.add(new FieldError(field, "no " + channel.wire() + " sender is configured"));
      return null;
    }
    if (from == null || from.isBlank()) {
      errors.add(new FieldError(field, field + " is required"));
      return null;
    }
    String normalised =
        channel == OutboundSend.Channel.WHATSAPP && !from.startsWith("whatsapp:")
            ? "whatsapp:" + from
            : from;
    if (!senders.contains(normalised)) {
      errors.add(
          new FieldError(
              field,
              field + " must be one of the configured " + channel.wire() + " senders " + senders));
      return null;
    }
    return normalised;
  }

  private List<String> senders(OutboundSend.Channel channel) {
    return channel == OutboundSend.Channel.WHATSAPP ? flex.whatsappSenders() : flex.smsSenders();
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type,
      String raw,
      String field,
      String allowed,
      E fallback,
      List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      if (fallback == null) {
        errors.add(new FieldError(field, field + " is required: " + allowed));
      }
      return fallback;
    }
    try {
      return Enum.valueOf(type, raw.toUpperCase().replace('-', '_'));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, field + " must be " + allowed));
      return null;
    }
  }
}
