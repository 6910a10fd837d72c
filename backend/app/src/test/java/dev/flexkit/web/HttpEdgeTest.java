package dev.flexkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.RunningKit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two requests on one kept-alive connection, as a browser or HTTP client pool sends them: after an
 * early refusal or an oversized body, the second request must still get an answer, or the first
 * must have said {@code Connection: close} (RFC 9112 §9.6) so the client knows not to reuse it.
 */
class HttpEdgeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NEXT = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
  private static RunningKit kit;

  @BeforeAll
  static void start() {
    kit = RunningKit.start("MAX_REQUEST_BODY_BYTES", "65536", "MAX_WEBHOOK_BODY_BYTES", "1048576");
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/outbound/messages", "/flex-initiate-outbound-sms", "/sendOutboundMessage"})
  void aBodyOverTheLimitIs413WithConnectionClose(String path) throws Exception {
    try (RawConnection c = new RawConnection(kit.url("/"))) {
      c.send(post(path, "application/json", jsonOf(205 * 1024), "Authorization: Bearer forged"));
      c.send(NEXT);
      Answer first = c.read();
      assertThat(first.status()).isEqualTo(413);
      assertThat(first.header("connection")).isEqualToIgnoringCase("close");
      assertThat(first.header("content-type")).startsWith("application/json");
      assertThat(JSON.readTree(first.body()).at("/error/code").asText())
          .isEqualTo("payload_too_large");
      assertThat(c.atEnd()).as("the server closed the connection it said it would close").isTrue();
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIs413Too() throws Exception {
    byte[] body = jsonOf(100 * 1024).getBytes(StandardCharsets.UTF_8);
    StringBuilder chunked =
        new StringBuilder(
            "POST /api/outbound/messages HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int at = 0; at < body.length; at += 8192) {
      int n = Math.min(8192, body.length - at);
      chunked
          .append(Integer.toHexString(n))
          .append("\r\n")
          .append(new String(body, at, n, StandardCharsets.UTF_8))
          .append("\r\n");
    }
    chunked.append("0\r\n\r\n");
    try (RawConnection c = new RawConnection(kit.url("/"))) {
      c.send(chunked.toString());
      Answer first = c.read();
      assertThat(first.status()).isEqualTo(413);
      assertThat(first.header("connection")).isEqualToIgnoringCase("close");
    }
  }

  /** A webhook may be larger than an API call (1 MiB here), and one with a bad signature is 403. */
  @Test
  void aLargeWebhookWithABadSignatureIsRefusedAndTheConnectionStaysUsable() throws Exception {
    String form = "EventType=task.created&TaskAttributes=" + "a".repeat(205 * 1024);
    try (RawConnection c = new RawConnection(kit.url("/"))) {
      c.send(
          post(
              "/webhooks/taskrouter",
              "application/x-www-form-urlencoded",
              form,
              "X-Twilio-Signature: forged"));
      c.send(NEXT);
      Answer first = c.read();
      assertThat(first.status()).isEqualTo(403);
      assertThat(first.header("connection")).isNull();
      assertThat(c.read().status()).isEqualTo(200);
    }
  }

  @Test
  void aWebhookOverItsOwnLimitIs413() throws Exception {
    String form = "EventType=task.created&TaskAttributes=" + "a".repeat(1100 * 1024);
    try (RawConnection c = new RawConnection(kit.url("/"))) {
      c.send(
          post(
              "/webhooks/taskrouter",
              "application/x-www-form-urlencoded",
              form,
              "X-Twilio-Signature: forged"));
      Answer first = c.read();
      assertThat(first.status()).isEqualTo(413);
      assertThat(first.header("connection")).isEqualToIgnoringCase("close");
    }
  }

  /**
   * The refusal is decided from the headers alone (no token), before the body has arrived: the body
   * is read anyway, so the connection stays in step and the next request is answered.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/api/outbound/messages", "/webhooks/conversations"})
  void anEarlyRefusalBeforeTheBodyArrivesLeavesTheConnectionUsable(String path) throws Exception {
    String body = jsonOf(30 * 1024);
    String request = post(path, "application/json", body);
    int headersEnd = request.indexOf("\r\n\r\n") + 4;
    try (RawConnection c = new RawConnection(kit.url("/"))) {
      c.send(request.substring(0, headersEnd));
      Thread.sleep(300); // the service has long decided to refuse by now
      c.send(request.substring(headersEnd));
      c.send(NEXT);
      Answer first = c.read();
      assertThat(first.status()).isIn(401, 403, 415);
      assertThat(first.header("connection")).isNull();
      Answer second = c.read();
      assertThat(second.status()).isEqualTo(200);
    }
  }

  @Test
  void aBodyWithinTheLimitReachesTheResourceWhole() throws Exception {
    // Unparsable JSON of 60 KiB: the resource's JSON reader, not the edge, answers it.
    String body = "{\"to\":\"" + "9".repeat(60 * 1024) + "\"";
    try (RawConnection c = new RawConnection(kit.url("/"))) {
      c.send(
          post("/api/outbound/messages", "application/json", body, "Authorization: Bearer forged"));
      c.send(NEXT);
      assertThat(c.read().status()).isEqualTo(401);
      assertThat(c.read().status()).isEqualTo(200);
    }
  }

  private static String jsonOf(int bytes) {
    return "{\"to\":\"+15005550006\",\"body\":\"" + "x".repeat(bytes) + "\"}";
  }

  private static String post(String path, String type, String body, String... headers) {
    StringBuilder b =
        new StringBuilder(
            "POST "
                + path
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + type
                + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n");
    for (String h : headers) {
      b.append(h).append("\r\n");
    }
    return b.append("\r\n").append(body).toString();
  }

  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** One TCP connection, written and read by hand, so nothing resends or reconnects for us. */
  static final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawConnection(URI base) throws IOException {
      socket = new Socket(base.getHost(), base.getPort());
      socket.setSoTimeout(10_000);
      out = socket.getOutputStream();
      in = socket.getInputStream();
    }

    void send(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    Answer read() throws IOException {
      String statusLine = line();
      assertThat(statusLine).as("an HTTP answer, not an end of stream").startsWith("HTTP/1.1 ");
      int status = Integer.parseInt(statusLine.substring(9, 12));
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = line(); !h.isEmpty(); h = line()) {
        int colon = h.indexOf(':');
        headers.put(
            h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (headers.containsKey("content-length")) {
        body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        for (int size = Integer.parseInt(line().trim(), 16);
            size > 0;
            size = Integer.parseInt(line().trim(), 16)) {
          body.write(in.readNBytes(size));
          line();
        }
        line();
      }
      return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    boolean atEnd() throws IOException {
      return in.read() == -1;
    }

    private String line() throws IOException {
      StringBuilder b = new StringBuilder();
      for (int ch = in.read(); ch != '\n'; ch = in.read()) {
        if (ch == -1) {
          return b.toString();
        }
        if (ch != '\r') {
          b.append((char) ch);
        }
      }
      return b.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
