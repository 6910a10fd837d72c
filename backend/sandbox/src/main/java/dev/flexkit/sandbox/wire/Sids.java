package dev.flexkit.sandbox.wire;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Twilio resource identifiers: a two-letter prefix and 32 lowercase hex characters. */
public final class Sids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9a-f]{32}");

  private Sids() {}

  public static String next(String prefix) {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return prefix + HexFormat.of().formatHex(b);
  }

  public static boolean looksLike(String prefix, String sid) {
    return sid != null && sid.startsWith(prefix) && SHAPE.matcher(sid).matches();
  }
}
