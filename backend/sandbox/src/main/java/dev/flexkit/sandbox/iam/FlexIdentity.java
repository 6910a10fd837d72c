package dev.flexkit.sandbox.iam;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Flex's identity encoding: the login ({@code realm_user_id}) with every byte that is not an ASCII
 * letter or digit written as {@code _} plus two upper-case hex digits, so {@code alice@example.com}
 * is the identity {@code alice_40example_2Ecom}.
 */
public final class FlexIdentity {
  private FlexIdentity() {}

  public static String encode(String realmUserId) {
    StringBuilder out = new StringBuilder();
    for (byte b : realmUserId.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        out.append(c);
      } else {
        out.append('_').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /** The login behind an identity; characters that are not a valid escape are kept as they are. */
  public static String decode(String identity) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < identity.length(); i++) {
      char c = identity.charAt(i);
      if (c == '_'
          && i + 2 < identity.length()
          && isHex(identity.charAt(i + 1))
          && isHex(identity.charAt(i + 2))) {
        bytes.write(Integer.parseInt(identity.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(raw, 0, raw.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
  }
}
