package dev.flexkit.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The JDBC target. {@code DATABASE_URL} accepts the Heroku/12-factor form ({@code
 * postgres://user:pass@host:5432/db}) as well as plain {@code jdbc:postgresql:} and {@code
 * jdbc:h2:} URLs; without it the store is an H2 file under the data directory.
 */
public record DatabaseSettings(String jdbcUrl, String username, String password, Vendor vendor) {
  public enum Vendor {
    H2,
    POSTGRESQL
  }

  static DatabaseSettings from(ConfigSource source, Path dataDir) {
    Optional<String> url = source.get("DATABASE_URL");
    String user = source.getOrDefault("DATABASE_USER", null);
    String password = source.getOrDefault("DATABASE_PASSWORD", null);
    if (url.isEmpty()) {
      String file = dataDir.toAbsolutePath().normalize().resolve("flexkit").toString();
      // H2 would close itself as soon as the JVM starts shutting down, under requests still
      // draining;
      // the pool closes it after the server has stopped instead.
      return new DatabaseSettings(
          "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", Vendor.H2);
    }
    return parse(url.get(), user, password);
  }

  static DatabaseSettings parse(String url, String user, String password) {
    if (url.startsWith("jdbc:h2:")) {
      if (url.length() == "jdbc:h2:".length()) {
        throw invalid("jdbc:h2: needs a database name");
      }
      return new DatabaseSettings(
          url, user == null ? "sa" : user, password == null ? "" : password, Vendor.H2);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      URI uri = parseUri(url.substring("jdbc:".length()));
      requireHostAndDatabase(uri);
      return new DatabaseSettings(url, user, password, Vendor.POSTGRESQL);
    }
    if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      URI uri = parseUri(url);
      requireHostAndDatabase(uri);
      String jdbc =
          "jdbc:postgresql://"
              + uri.getHost()
              + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
              + uri.getRawPath()
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      String userInfo = uri.getRawUserInfo();
      if (userInfo != null) {
        int colon = userInfo.indexOf(':');
        String u = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String p = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        user = user == null ? u : user;
        password = password == null ? p : password;
      }
      return new DatabaseSettings(jdbc, user, password, Vendor.POSTGRESQL);
    }
    throw invalid(
        "unsupported scheme; use postgres://user:pass@host:5432/db, jdbc:postgresql://… or jdbc:h2:…");
  }

  private static URI parseUri(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw invalid("is not a valid URL (" + e.getReason() + ")");
    }
  }

  private static void requireHostAndDatabase(URI uri) {
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw invalid("has no host");
    }
    if (uri.getPath() == null || uri.getPath().length() <= 1) {
      throw invalid("has no database name");
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static InvalidConfigException invalid(String problem) {
    return new InvalidConfigException("DATABASE_URL", problem);
  }

  /** The URL with any password removed, for logs and /health. */
  public String redactedUrl() {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + redactedUrl() + "]";
  }
}
