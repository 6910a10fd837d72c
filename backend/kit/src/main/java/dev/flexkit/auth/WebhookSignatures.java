package dev.flexkit.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Twilio-Signature} as Twilio's own helpers do: base64 HMAC-SHA1, keyed with the
 * account's auth token, of the full URL followed by each form parameter sorted by name as {@code
 * name + value}. JSON bodies are signed differently: Twilio appends {@code bodySHA256=<hex sha256
 * of the body>} to the URL, signs the URL alone, and the body is checked against that hash. The URL
 * is accepted with or without its default port, since proxies disagree about it.
 */
public final class WebhookSignatures {
  private static final Pattern BODY_SHA =
      Pattern.compile("(?:^|&)bodySHA256=([0-9a-fA-F]{64})(?:&|$)");

  private WebhookSignatures() {}

  /** A form POST (or a GET, with no params). */
  public static boolean validForm(
      String authToken, String url, Map<String, List<String>> params, String signature) {
    if (authToken == null || signature == null) {
      return false;
    }
    // The URL as received matches nearly always; its port variants are built only when it does not.
    if (matches(sign(authToken, url, params), signature)) {
      return true;
    }
    for (String candidate : urlVariants(url)) {
      if (!candidate.equals(url) && matches(sign(authToken, candidate, params), signature)) {
        return true;
      }
    }
    return false;
  }

  /** A JSON POST: {@code url} must carry {@code bodySHA256} matching {@code body}. */
  public static boolean validJson(String authToken, String url, byte[] body, String signature) {
    String query = URI.create(url).getRawQuery();
    Matcher m = query == null ? null : BODY_SHA.matcher(query);
    if (m == null || !m.find()) {
      return false;
    }
    String actual = HexFormat.of().formatHex(sha256(body));
    if (!MessageDigest.isEqual(
        actual.getBytes(StandardCharsets.US_ASCII),
        m.group(1).toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
      return false;
    }
    return validForm(authToken, url, Map.of(), signature);
  }

  public static String sign(String authToken, String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url.length() + 64 * params.size()).append(url);
    for (Map.Entry<String, List<String>> p : new TreeMap<>(params).entrySet()) {
      List<String> values = p.getValue();
      if (values.size() == 1) {
        data.append(p.getKey()).append(values.get(0));
      } else {
        values.stream().distinct().sorted().forEach(v -> data.append(p.getKey()).append(v));
      }
    }
    return Base64.getEncoder()
        .encodeToString(
            hmacSha1(authToken).doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Keyed once per thread and token: looking up the JCA provider and keying HMAC on every request
   * costs more than the MAC.
   */
  private static Mac hmacSha1(String authToken) {
    KeyedMac keyed = MACS.get();
    if (keyed == null || !keyed.token().equals(authToken)) {
      try {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        keyed = new KeyedMac(authToken, mac);
        MACS.set(keyed);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return keyed.mac(); // doFinal leaves it reset for the next use
  }

  private record KeyedMac(String token, Mac mac) {}

  private static final ThreadLocal<KeyedMac> MACS = new ThreadLocal<>();

  /** The URL as given, plus the same with the scheme's default port added or removed. */
  static List<String> urlVariants(String url) {
    Set<String> variants = new LinkedHashSet<>();
    variants.add(url);
    URI uri = URI.create(url);
    int defaultPort =
        "https".equals(uri.getScheme()) ? 443 : "http".equals(uri.getScheme()) ? 80 : -1;
    String tail =
        (uri.getRawPath() == null ? "" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
    if (defaultPort > 0 && uri.getPort() == -1) {
      variants.add(uri.getScheme() + "://" + userInfo + uri.getHost() + ":" + defaultPort + tail);
    } else if (defaultPort > 0 && uri.getPort() == defaultPort) {
      variants.add(uri.getScheme() + "://" + userInfo + uri.getHost() + tail);
    }
    return new ArrayList<>(variants);
  }

  private static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
