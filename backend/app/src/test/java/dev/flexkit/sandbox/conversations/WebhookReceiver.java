package dev.flexkit.sandbox.conversations;

import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A customer's webhook endpoint: records every POST with its form fields and signature. */
final class WebhookReceiver implements AutoCloseable {
  record Hook(String url, Map<String, String> params, String signature) {
    String event() {
      return params.get("EventType");
    }

    boolean signedWith(String authToken) {
      return new RequestValidator(authToken).validate(url, params, signature);
    }
  }

  private final HttpServer server;
  private final List<Hook> hooks = new CopyOnWriteArrayList<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> params = new LinkedHashMap<>();
          for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
              int eq = pair.indexOf('=');
              params.put(
                  URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                  URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
          }
          hooks.add(
              new Hook(
                  url(exchange.getRequestURI().getPath()),
                  params,
                  exchange.getRequestHeaders().getFirst("X-Twilio-Signature")));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Hook> at(String path) {
    return hooks.stream().filter(h -> h.url().equals(url(path))).toList();
  }

  List<Hook> events(String path, String eventType) {
    return at(path).stream().filter(h -> eventType.equals(h.event())).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
