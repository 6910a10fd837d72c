package dev.flexkit.http;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Static files packaged in the jar. Answers with a strong ETag and {@code no-cache}, so a browser
 * revalidates and picks up a new plugin build at once, but downloads it only when it changed.
 */
public final class ClasspathAssets {
  private static final Pattern SAFE_PATH =
      Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "html", "text/html; charset=utf-8",
          "map", "application/json",
          "json", "application/json",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "txt", "text/plain; charset=utf-8");

  private record Asset(byte[] bytes, EntityTag etag, String type) {}

  private final String root;
  private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

  /** {@code root} is a classpath folder such as {@code public/plugin/}. */
  public ClasspathAssets(String root) {
    this.root = root.endsWith("/") ? root : root + "/";
  }

  public boolean exists(String path) {
    return SAFE_PATH.matcher(path).matches() && load(path).isPresent();
  }

  /**
   * Empty when there is no such file (or the path could escape the root); the caller answers its
   * own 404.
   */
  public Optional<Response> serve(String path, Request request) {
    if (!SAFE_PATH.matcher(path).matches()) {
      return Optional.empty();
    }
    return load(path).map(asset -> respond(asset, request));
  }

  private static Response respond(Asset asset, Request request) {
    CacheControl cacheControl = new CacheControl();
    cacheControl.setNoCache(true);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(asset.etag());
    if (notModified != null) {
      return notModified.cacheControl(cacheControl).build();
    }
    return Response.ok(asset.bytes(), asset.type())
        .tag(asset.etag())
        .cacheControl(cacheControl)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private Optional<Asset> load(String path) {
    return cache.computeIfAbsent(
        path,
        p -> {
          try (InputStream in =
              ClasspathAssets.class.getClassLoader().getResourceAsStream(root + p)) {
            if (in == null) {
              return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String hash =
                HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 32);
            String ext = p.substring(p.lastIndexOf('.') + 1);
            return Optional.of(
                new Asset(
                    bytes,
                    new EntityTag(hash),
                    TYPES.getOrDefault(ext, "application/octet-stream")));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
