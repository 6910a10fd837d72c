package dev.flexkit.sandbox.taskrouter;

import java.nio.charset.StandardCharsets;

/** Flex's chat identity for a user: every non-alphanumeric byte as {@code _} + hex ({@code @} → {@code _40}). */
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
}
