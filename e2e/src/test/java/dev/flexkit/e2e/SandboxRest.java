package dev.flexkit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sandbox's Twilio REST API as any Twilio client sees it: the account's credentials, form
 * bodies.
 */
final class SandboxRest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ServiceProcess service;
  private final String authorization;

  SandboxRest(ServiceProcess service, JsonNode info) {
    this.service = service;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (info.path("accountSid").asText() + ":" + info.path("authToken").asText())
                        .getBytes(StandardCharsets.UTF_8));
  }

  /** {@code get("taskrouter", "/v1/Workspaces/WS…/Tasks/WT…")}. */
  JsonNode get(String product, String path) throws IOException, InterruptedException {
    return send(request(product, path).GET().build());
  }

  JsonNode post(String product, String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        request(product, path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpRequest.Builder request(String product, String path) {
    return HttpRequest.newBuilder(service.url("/twilio/" + product + path))
        .header("Authorization", authorization);
  }

  private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + " -> "
              + response.statusCode()
              + " "
              + response.body());
    }
    return JSON.readTree(response.body());
  }
}
