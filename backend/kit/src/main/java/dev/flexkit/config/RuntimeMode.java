package dev.flexkit.config;

/** Sandbox mode runs on the embedded Twilio emulator; live mode talks to real Twilio. */
public enum RuntimeMode {
  SANDBOX,
  LIVE;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
