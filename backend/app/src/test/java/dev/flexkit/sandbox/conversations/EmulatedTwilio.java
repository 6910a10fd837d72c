package dev.flexkit.sandbox.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.twilio.TwilioClients;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service in sandbox mode, with twilio-java pointed at it and plain HTTP for everything else.
 */
final class EmulatedTwilio implements BeforeAllCallback, AfterAllCallback {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CUSTOMERS = new AtomicInteger();

  private RunningKit kit;
  private TwilioRestClient client;
  private String basic;

  /** Starts the service once for the test class that registers this as an extension. */
  @Override
  public void beforeAll(ExtensionContext context) {
    kit = RunningKit.start();
    SandboxAccount account = kit.sandbox().account();
    client =
        TwilioClients.emulated(kit.url("/twilio"), account.accountSid(), account.authToken())
            .client();
    basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (account.accountSid() + ":" + account.authToken())
                        .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    kit.close();
  }

  TwilioRestClient client() {
    return client;
  }

  SandboxWorld world() {
    return kit.sandbox();
  }

  /** A customer number no other test uses, so tests never share a binding. */
  static String newCustomer() {
    return "+1555" + (2_000_000 + CUSTOMERS.incrementAndGet());
  }

  /** A raw Twilio request, for what twilio-java cannot send (bad enum values and the like). */
  HttpResponse<String> twilio(String method, String path, String... formPairs) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < formPairs.length; i += 2) {
      form.append(form.length() == 0 ? "" : "&")
          .append(enc(formPairs[i]))
          .append('=')
          .append(enc(formPairs[i + 1]));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(kit.url("/twilio" + path)).header("Authorization", basic);
    if (method.equals("GET")) {
      return kit.send(request.GET().build());
    }
    return kit.send(
        request
            .header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, HttpRequest.BodyPublishers.ofString(form.toString()))
            .build());
  }

  HttpResponse<String> control(String method, String path, String json) {
    return kit.send(
        HttpRequest.newBuilder(kit.url(path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A customer texting one of our numbers through the simulated phone. */
  JsonNode customerSends(String from, String to, String body) {
    HttpResponse<String> r =
        control(
            "POST",
            "/sandbox/api/customers/messages",
            "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"body\":\"" + body + "\"}");
    if (r.statusCode() != 201) {
      throw new AssertionError("customer message refused: " + r.statusCode() + " " + r.body());
    }
    return json(r);
  }

  JsonNode inboxOf(String customer) {
    return json(control("GET", "/sandbox/api/customers/" + customer + "/messages", null))
        .path("messages");
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
