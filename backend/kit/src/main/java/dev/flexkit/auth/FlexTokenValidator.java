package dev.flexkit.auth;

import dev.flexkit.twilio.IamVerdict;
import dev.flexkit.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Flex tokens checked with Twilio IAM, remembered so an agent's every click costs no round trip: a
 * valid token until it expires (at most {@link #MAX_POSITIVE}), an invalid one for {@link
 * #NEGATIVE} (a client retrying a bad token must not hammer IAM). Time is the service's clock,
 * which in sandbox mode is the sandbox's, so advancing it expires tokens here too. IAM being
 * unreachable is never cached.
 *
 * <p>IAM's refusal is only {@code {valid:false, message}} (R49): it carries no code, so a token is
 * called expired only when an earlier answer gave its expiration and that has passed; any other
 * refusal is an invalid token, with IAM's message.
 */
public final class FlexTokenValidator {
  static final Duration MAX_POSITIVE = Duration.ofHours(1);
  static final Duration NEGATIVE = Duration.ofSeconds(30);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(FlexAgent agent, ApiException refusal, Instant until) {}

  private final Function<String, IamVerdict> iam;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public FlexTokenValidator(Function<String, IamVerdict> iam, Clock clock) {
    this.iam = iam;
    this.clock = clock;
  }

  /** The agent the token belongs to, or a 401 {@link ApiException} saying why not. */
  public FlexAgent validate(String token) {
    if (token == null || token.isBlank()) {
      throw new ApiException(
          401, "missing_token", "a Flex token is required: Authorization: Bearer <token>");
    }
    String key = sha256(token.trim());
    Instant now = clock.instant();
    Entry cached = cache.get(key);
    if (cached != null && now.isBefore(cached.until())) {
      return answer(cached);
    }
    if (cached != null && cached.agent() != null && expired(cached.agent(), now)) {
      Entry expired = new Entry(null, expiredRefusal(), now.plus(NEGATIVE));
      remember(key, expired, now);
      return answer(expired);
    }
    IamVerdict verdict = iam.apply(token.trim());
    Entry entry;
    if (verdict.valid()) {
      FlexAgent agent =
          new FlexAgent(
              verdict.identity(),
              verdict.workerSid(),
              verdict.roles(),
              verdict.realmUserId(),
              verdict.expiration());
      Instant until =
          verdict.expiration() == null
              ? now.plus(NEGATIVE)
              : min(verdict.expiration(), now.plus(MAX_POSITIVE));
      if (!now.isBefore(until)) {
        entry = new Entry(null, expiredRefusal(), now.plus(NEGATIVE));
      } else {
        entry = new Entry(agent, null, until);
      }
    } else {
      entry = new Entry(null, refusal(verdict.code(), verdict.message()), now.plus(NEGATIVE));
    }
    remember(key, entry, now);
    return answer(entry);
  }

  private static FlexAgent answer(Entry entry) {
    if (entry.agent() == null) {
      throw entry.refusal();
    }
    return entry.agent();
  }

  private static boolean expired(FlexAgent agent, Instant now) {
    return agent.tokenExpiresAt() != null && !now.isBefore(agent.tokenExpiresAt());
  }

  /** Known to the kit from IAM's own expiration, so it is reported as Twilio's 20104. */
  private static ApiException expiredRefusal() {
    return refusal(20104, "Access Token expired or expiration date invalid");
  }

  private static ApiException refusal(int iamCode, String message) {
    boolean expired = iamCode == 20104;
    return new ApiException(
        401,
        expired ? "expired_token" : "invalid_token",
        "the Flex token was refused by Twilio IAM: "
            + (message == null ? "invalid token" : message),
        null,
        iamCode == 0 ? null : iamCode);
  }

  private void remember(String key, Entry entry, Instant now) {
    if (cache.size() >= MAX_ENTRIES) {
      cache.values().removeIf(e -> !now.isBefore(e.until()));
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
    }
    cache.put(key, entry);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
