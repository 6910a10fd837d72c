package dev.flexkit.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.web.ObjectMappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Canned messages from a JSON file ({@code CANNED_MESSAGES_FILE}), or the default shipped in the
 * jar. The file is re-read when it changes, so editing it needs no restart; a broken edit keeps the
 * last good list.
 */
public final class CannedMessages {
  private static final Logger LOG = LoggerFactory.getLogger(CannedMessages.class);
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;
  private static final String DEFAULT = "/templates/canned-messages.json";

  public record Canned(String id, String name, List<String> channels, String body) {}

  private final Optional<Path> file;
  private volatile FileTime loadedVersion;
  private volatile List<Canned> messages;

  public CannedMessages(Optional<Path> file) {
    this.file = file;
    try (InputStream in = CannedMessages.class.getResourceAsStream(DEFAULT)) {
      messages = parse(JSON.readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("the default canned messages are missing from the jar", e);
    }
    reloadIfChanged();
  }

  public List<Canned> forChannel(String channel) {
    reloadIfChanged();
    return messages.stream().filter(m -> m.channels().contains(channel)).toList();
  }

  private synchronized void reloadIfChanged() {
    if (file.isEmpty()) {
      return;
    }
    try {
      FileTime version = Files.getLastModifiedTime(file.get());
      if (version.equals(loadedVersion)) {
        return;
      }
      messages = parse(JSON.readTree(file.get().toFile()));
      loadedVersion = version;
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "canned messages {} unreadable, keeping the previous list: {}",
          file.get(),
          e.getMessage());
    }
  }

  private static List<Canned> parse(JsonNode root) {
    List<Canned> out = new ArrayList<>();
    for (JsonNode m : root.path("messages")) {
      List<String> channels = new ArrayList<>();
      m.path("channels").forEach(c -> channels.add(c.asText()));
      if (channels.isEmpty()) {
        channels.addAll(List.of("sms", "whatsapp"));
      }
      String body = m.path("body").asText("");
      if (body.isBlank()) {
        throw new IllegalArgumentException("a canned message has no body");
      }
      out.add(
          new Canned(
              m.path("id").asText(m.path("name").asText()),
              m.path("name").asText(),
              List.copyOf(channels),
              body));
    }
    return List.copyOf(out);
  }
}
