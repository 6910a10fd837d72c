package dev.flexkit.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a load balancer in front of several replicas does for Twilio's webhooks: each request goes
 * to the next backend in turn, and to the one after it when a backend does not answer (one died).
 * Bodies and the {@code X-Twilio-Signature} header pass unchanged; the replicas check the signature
 * against this proxy's URL, their {@code PUBLIC_BASE_URL}.
 */
final class RoundRobinProxy implements AutoCloseable {
  private static final List<String> FORWARDED =
      List.of("Content-Type", "X-Twilio-Signature", "I-Twilio-Idempotency-Token");

  private final HttpServer server;
  private final List<URI> backends;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger next = new AtomicInteger();
  private final Map<URI, AtomicLong> served = new ConcurrentHashMap<>();

  private RoundRobinProxy(HttpServer server, List<URI> backends) {
    this.server = server;
    this.backends = backends;
  }

  static RoundRobinProxy start(int port, List<URI> backends) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    RoundRobinProxy proxy = new RoundRobinProxy(server, List.copyOf(backends));
    server.createContext("/", proxy::forward);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return proxy;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How many requests each backend answered. */
  long servedBy(URI backend) {
    return served.getOrDefault(backend, new AtomicLong()).get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    int first = Math.floorMod(next.getAndIncrement(), backends.size());
    for (int i = 0; i < backends.size(); i++) {
      URI backend = backends.get((first + i) % backends.size());
      HttpRequest.Builder request =
          HttpRequest.newBuilder(backend.resolve(exchange.getRequestURI().toString()))
              .timeout(Duration.ofSeconds(15))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      for (String header : FORWARDED) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException down) {
        continue; // that replica is gone: the next one takes it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      served.computeIfAbsent(backend, b -> new AtomicLong()).incrementAndGet();
      response
          .headers()
          .firstValue("Content-Type")
          .ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
      byte[] answer = response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
      return;
    }
    exchange.sendResponseHeaders(502, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
