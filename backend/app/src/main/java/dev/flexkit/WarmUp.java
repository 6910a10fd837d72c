package dev.flexkit;

import dev.flexkit.config.ConfigLoader;
import dev.flexkit.config.ConfigSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -XX:ArchiveClassesAtExit=… -jar flex-messaging-kit.jar warm-up}: starts the embedded
 * default (sandbox, fresh H2) on a free loopback port, answers a first request, and stops. The
 * build runs it to record the classes a start-up loads into an AppCDS archive, which the README's
 * run command then maps instead of loading them again. It reads no settings from the environment.
 */
final class WarmUp {
  private WarmUp() {}

  static void run() throws Exception {
    Path dataDir = Files.createTempDirectory("flexkit-warm-up");
    try {
      FlexMessagingKit kit =
          FlexMessagingKit.start(
              ConfigLoader.load(
                  ConfigSource.of(
                      Map.of(
                          "PORT", "0", "BIND_HOST", "127.0.0.1", "DATA_DIR", dataDir.toString()))));
      try {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/health", "/", "/openapi.json"}) {
          HttpResponse<Void> response =
              http.send(
                  HttpRequest.newBuilder(URI.create(kit.localUrl() + path)).build(),
                  HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() != 200) {
            throw new IllegalStateException(
                "warm-up: " + path + " answered " + response.statusCode());
          }
        }
      } finally {
        kit.stop();
      }
    } finally {
      deleteQuietly(dataDir);
    }
  }

  private static void deleteQuietly(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
