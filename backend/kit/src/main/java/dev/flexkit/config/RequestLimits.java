package dev.flexkit.config;

/**
 * The largest request body the HTTP edge accepts: {@code maxBodyBytes} for the API, and {@code
 * maxWebhookBodyBytes} for {@code /webhooks/*}, whose Twilio payloads carry task and conversation
 * attributes and media lists. Anything larger is answered 413 before it is read.
 */
public record RequestLimits(int maxBodyBytes, int maxWebhookBodyBytes) {
  public static final RequestLimits DEFAULTS = new RequestLimits(64 * 1024, 1024 * 1024);
}
