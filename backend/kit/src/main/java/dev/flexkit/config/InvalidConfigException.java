package dev.flexkit.config;

/** A setting that cannot be used. The message is one line, naming the key and what is wrong. */
public final class InvalidConfigException extends RuntimeException {
  public InvalidConfigException(String key, String problem) {
    super(key + ": " + problem);
  }
}
