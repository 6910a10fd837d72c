package dev.flexkit.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature} as Twilio computes it for a form POST: the full URL, then each
 * parameter sorted by name as {@code name + value} with no separators (repeated values sorted),
 * HMAC-SHA1 keyed with the auth token, base64.
 */
public final class TwilioSignature {
  private TwilioSignature() {}

  public static String sign(String authToken, String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params)
        .forEach(
            (name, values) ->
                values.stream().distinct().sorted().forEach(v -> data.append(name).append(v)));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
