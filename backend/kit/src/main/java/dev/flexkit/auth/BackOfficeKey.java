package dev.flexkit.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The API key back-office systems present. Only its SHA-256 is kept, and a presented key is
 * compared digest to digest with {@link MessageDigest#isEqual}, so neither the key's content nor
 * its length leaks through timing.
 */
public final class BackOfficeKey {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] digest;

  private BackOfficeKey(byte[] digest) {
    this.digest = digest;
  }

  /** No key: the back-office endpoints are switched off. */
  public static BackOfficeKey of(Optional<String> key) {
    return new BackOfficeKey(key.map(BackOfficeKey::sha256).orElse(null));
  }

  /** A fresh random key (256 bits, URL-safe), for sandbox mode when none is configured. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public boolean configured() {
    return digest != null;
  }

  public boolean matches(String presented) {
    return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
