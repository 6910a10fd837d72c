package dev.flexkit.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Live Twilio credentials: the account SID plus either the auth token or an API key and secret. The
 * API key form is preferred in production because it can be revoked without rotating the account's
 * master token.
 */
public record TwilioCredentials(
    String accountSid, String username, String password, Kind kind, Optional<String> authToken) {
  public enum Kind {
    AUTH_TOKEN,
    API_KEY
  }

  private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
  private static final Pattern API_KEY_SID = Pattern.compile("SK[0-9a-fA-F]{32}");

  /** Empty when no account SID is set: that selects sandbox mode. */
  static Optional<TwilioCredentials> from(ConfigSource source) {
    Optional<String> accountSid = source.get("TWILIO_ACCOUNT_SID");
    Optional<String> authToken = source.get("TWILIO_AUTH_TOKEN");
    Optional<String> apiKey = source.get("TWILIO_API_KEY");
    Optional<String> apiSecret = source.get("TWILIO_API_SECRET");

    if (accountSid.isEmpty()) {
      if (authToken.isPresent() || apiKey.isPresent() || apiSecret.isPresent()) {
        throw new InvalidConfigException(
            "TWILIO_ACCOUNT_SID",
            "is missing while other TWILIO_* credentials are set (set it too, or unset them all for sandbox mode)");
      }
      return Optional.empty();
    }
    String sid = accountSid.get();
    if (!ACCOUNT_SID.matcher(sid).matches()) {
      throw new InvalidConfigException(
          "TWILIO_ACCOUNT_SID", "must be AC followed by 32 hex characters");
    }
    if (apiKey.isPresent() != apiSecret.isPresent()) {
      throw new InvalidConfigException(
          apiKey.isPresent() ? "TWILIO_API_SECRET" : "TWILIO_API_KEY",
          "TWILIO_API_KEY and TWILIO_API_SECRET must be set together");
    }
    if (apiKey.isPresent()) {
      if (!API_KEY_SID.matcher(apiKey.get()).matches()) {
        throw new InvalidConfigException(
            "TWILIO_API_KEY", "must be SK followed by 32 hex characters");
      }
      // The auth token is still what Twilio signs webhooks with, so it may be set beside the key.
      return Optional.of(
          new TwilioCredentials(sid, apiKey.get(), apiSecret.get(), Kind.API_KEY, authToken));
    }
    if (authToken.isEmpty()) {
      throw new InvalidConfigException(
          "TWILIO_AUTH_TOKEN",
          "is missing: live mode needs TWILIO_AUTH_TOKEN, or TWILIO_API_KEY with TWILIO_API_SECRET");
    }
    return Optional.of(
        new TwilioCredentials(sid, sid, authToken.get(), Kind.AUTH_TOKEN, authToken));
  }

  /** The key of {@code X-Twilio-Signature}: the account's auth token, when known. */
  public Optional<String> webhookSigningKey() {
    return authToken;
  }

  @Override
  public String toString() {
    return "TwilioCredentials[" + accountSid + ", " + kind + "]";
  }
}
