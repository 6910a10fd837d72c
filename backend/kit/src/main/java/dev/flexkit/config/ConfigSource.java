package dev.flexkit.config;

import io.github.cdimascio.dotenv.Dotenv;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Where settings come from: the process environment, then an optional {@code .env} file. */
public final class ConfigSource {
  private final Map<String, String> values;

  private ConfigSource(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Real environment variables win over the {@code .env} file, as in every twelve-factor tool. */
  public static ConfigSource fromEnvironment(Path workingDirectory) {
    Map<String, String> merged = new HashMap<>();
    Dotenv.configure()
        .directory(workingDirectory.toString())
        .ignoreIfMissing()
        .ignoreIfMalformed()
        .load()
        .entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)
        .forEach(e -> merged.put(e.getKey(), e.getValue()));
    merged.putAll(System.getenv());
    return new ConfigSource(merged);
  }

  public static ConfigSource of(Map<String, String> values) {
    return new ConfigSource(values);
  }

  /** The same settings minus every key starting with {@code prefix}. */
  public ConfigSource without(String prefix) {
    Map<String, String> kept = new HashMap<>(values);
    kept.keySet().removeIf(k -> k.startsWith(prefix));
    return new ConfigSource(kept);
  }

  /** A blank value counts as unset, so {@code KEY=} in .env means "use the default". */
  public Optional<String> get(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public String getOrDefault(String key, String fallback) {
    return get(key).orElse(fallback);
  }
}
