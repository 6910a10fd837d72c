package dev.flexkit.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A plain HTTP client for the rule tests (not twilio-java), so the errors checked are what any
 * client sees: form-encoded POSTs, Basic auth with the sandbox account, Twilio's error envelope.
 */
public final class TwilioHttp {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TwilioSandbox twilio;
  private final String authToken;
  private final java.util.Map<String, String> headers;

  public TwilioHttp(TwilioSandbox twilio) {
    this(twilio, twilio.authToken(), java.util.Map.of());
  }

  private TwilioHttp(
      TwilioSandbox twilio, String authToken, java.util.Map<String, String> headers) {
    this.twilio = twilio;
    this.authToken = authToken;
    this.headers = headers;
  }

  /** The same client, authenticating with {@code authToken} instead of the account's. */
  public TwilioHttp as(String authToken) {
    return new TwilioHttp(twilio, authToken, headers);
  }

  /** The same client, sending this header too (e.g. {@code If-Match}). */
  public TwilioHttp withHeader(String name, String value) {
    java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new TwilioHttp(twilio, authToken, more);
  }

  /**
   * {@code path} under the base URL, e.g. {@code /conversations/v1/Conversations}; pairs of name,
   * value.
   */
  public HttpResponse<String> post(String path, String... pairs) {
    return send(formPost(path, pairs));
  }

  /** A form POST with one extra header, e.g. {@code X-Twilio-Webhook-Enabled: true}. */
  public HttpResponse<String> postWithHeader(
      String header, String value, String path, String... pairs) {
    return send(formPost(path, pairs).header(header, value));
  }

  private HttpRequest.Builder formPost(String path, String... pairs) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      form.append(form.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  /** A POST with a JSON body, as IAM's token validation takes it. */
  public HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The body of a 200 or 201. */
  public static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return parse(response);
  }

  /** Twilio's error envelope (R56) with this status and code, and this message unless null. */
  public static void assertError(
      HttpResponse<String> response, int status, int code, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = parse(response);
    assertThat(body.path("code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("more_info").asText())
        .isEqualTo("https://www.twilio.com/docs/errors/" + code);
    if (message != null) {
      assertThat(body.path("message").asText()).isEqualTo(message);
    }
  }

  private static JsonNode parse(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private HttpRequest.Builder request(String path) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (twilio.accountSid() + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(twilio.twilioBaseUrl() + path))
            .header("Authorization", "Basic " + basic);
    headers.forEach(builder::header);
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
