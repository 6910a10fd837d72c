package dev.flexkit.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The sandbox's Twilio account. The SIDs are stable across restarts so that configuration copied
 * from {@code /sandbox/api/info} keeps working; the auth token is fresh per process unless set.
 */
public record SandboxAccount(
    String accountSid, String authToken, String chatServiceSid, String messagingServiceSid) {
  public static final String ACCOUNT_SID = "ACf1e8c0de000000000000000000000001";
  public static final String CHAT_SERVICE_SID = "ISf1e8c0de000000000000000000000001";
  public static final String MESSAGING_SERVICE_SID = "MGf1e8c0de000000000000000000000001";

  public static SandboxAccount create(String authTokenOrNull) {
    String token = authTokenOrNull != null ? authTokenOrNull : randomHex(32);
    return new SandboxAccount(ACCOUNT_SID, token, CHAT_SERVICE_SID, MESSAGING_SERVICE_SID);
  }

  private static String randomHex(int chars) {
    byte[] b = new byte[chars / 2];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
