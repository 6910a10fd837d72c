package dev.flexkit.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Sandbox-only settings. {@code authToken}: a fixed sandbox auth token for other clients (default:
 * fresh per start). {@code specDir}: Twilio's OpenAPI specs; when set, every emulator answer is
 * checked against them and violations are kept (and appended to {@code specReport}).
 */
public record SandboxSettings(
    Optional<String> authToken, Optional<Path> specDir, Optional<Path> specReport) {
  public static SandboxSettings none() {
    return new SandboxSettings(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
