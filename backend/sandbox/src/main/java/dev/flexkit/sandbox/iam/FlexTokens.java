package dev.flexkit.sandbox.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.sandbox.taskrouter.WorkerDirectory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Flex agent tokens the sandbox hands out and its IAM validates. Real Flex tokens are opaque to
 * everyone but Twilio, so ours only need to be unforgeable and to expire: a JWT signed with
 * HMAC-SHA256 under a key that lives and dies with this process, expiring on the sandbox clock.
 *
 * <p>Failures use Twilio's access-token error codes: 20101 unreadable, 20103 another account's,
 * 20104 expired, 20107 bad signature.
 */
public final class FlexTokens {
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  public record Issued(String token, String identity, String workerSid, Instant expiresAt) {}

  /** What IAM says about a token. */
  public sealed interface Verdict permits Valid, Invalid {}

  public record Valid(
      Instant expiration, String realmUserId, String identity, List<String> roles, String workerSid)
      implements Verdict {}

  public record Invalid(int code, String message) implements Verdict {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
  private static final String HEADER =
      B64.encodeToString(
          "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"cty\":\"flex-sandbox\"}"
              .getBytes(StandardCharsets.UTF_8));

  private final String accountSid;
  private final Clock clock;
  private final byte[] key = new byte[32];

  public FlexTokens(String accountSid, Clock clock) {
    this.accountSid = accountSid;
    this.clock = clock;
    new SecureRandom().nextBytes(key);
  }

  public Issued issue(WorkerDirectory.Agent agent, Duration ttl) {
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", "sandbox-iam");
    claims.put("sub", accountSid);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", expires.toEpochMilli() / 1000.0);
    claims.put("identity", agent.identity());
    claims.put("realm_user_id", FlexIdentity.decode(agent.identity()));
    claims.put("worker_sid", agent.workerSid());
    claims.putArray("roles").addAll(agent.roles().stream().map(claims::textNode).toList());
    String body = B64.encodeToString(write(claims));
    String signed = HEADER + "." + body;
    return new Issued(
        signed + "." + B64.encodeToString(sign(signed)),
        agent.identity(),
        agent.workerSid(),
        Instant.ofEpochMilli(expires.toEpochMilli()));
  }

  public Verdict validate(String token) {
    String[] parts = token == null ? new String[0] : token.trim().split("\\.", -1);
    if (parts.length != 3) {
      return new Invalid(20101, "Invalid Access Token");
    }
    byte[] signature;
    JsonNode claims;
    try {
      signature = UNB64.decode(parts[2]);
      claims = JSON.readTree(UNB64.decode(parts[1]));
    } catch (IllegalArgumentException | java.io.IOException e) {
      return new Invalid(20101, "Invalid Access Token");
    }
    if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
      return new Invalid(20107, "Invalid Access Token signature");
    }
    if (!accountSid.equals(claims.path("sub").asText())) {
      return new Invalid(20103, "Invalid Access Token issuer/subject");
    }
    Instant expiration = Instant.ofEpochMilli(Math.round(claims.path("exp").asDouble() * 1000));
    if (!clock.instant().isBefore(expiration)) {
      return new Invalid(20104, "Access Token expired or expiration date invalid");
    }
    List<String> roles = new ArrayList<>();
    claims.path("roles").forEach(r -> roles.add(r.asText()));
    return new Valid(
        expiration,
        claims.path("realm_user_id").asText(),
        claims.path("identity").asText(),
        List.copyOf(roles),
        claims.path("worker_sid").asText());
  }

  private byte[] sign(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] write(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
