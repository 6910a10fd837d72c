package dev.flexkit.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import dev.flexkit.web.ObjectMappers;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way product code talks to Twilio. Every call goes through {@link GatewayHttpClient}
 * (retries, concurrency bound, round-trip counting) and every failure comes out as a {@link
 * TwilioCallException} that resources answer as our JSON error.
 */
public final class TwilioGateway {
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  private final TwilioRestClient client;
  private final GatewayHttpClient http;

  TwilioGateway(TwilioRestClient client, GatewayHttpClient http) {
    this.client = client;
    this.http = http;
  }

  /**
   * Runs one twilio-java call, e.g. {@code gateway.call("fetch conversation", c ->
   * Conversation.fetcher(sid).fetch(c))}.
   */
  public <T> T call(String operation, Function<TwilioRestClient, T> call) {
    try {
      return call.apply(client);
    } catch (TwilioCallException e) {
      throw e;
    } catch (ApiConnectionException e) {
      throw TwilioCallException.unreachable(operation, e.getMessage());
    } catch (ApiException e) {
      int status = e.getStatusCode() == null ? 500 : e.getStatusCode();
      throw TwilioCallException.answered(status, e.getCode(), e.getMessage(), operation);
    }
  }

  public void run(String operation, Consumer<TwilioRestClient> call) {
    call(
        operation,
        c -> {
          call.accept(c);
          return null;
        });
  }

  /**
   * {@code POST https://iam.twilio.com/v1/Accounts/{AC}/Tokens/validate}, which twilio-java has no
   * class for; sent through the same client so it gets the same retries, bound and base URL.
   */
  public IamVerdict validateFlexToken(String token) {
    String operation = "validate Flex token";
    Request request =
        new Request(
            HttpMethod.POST, "iam", "/v1/Accounts/" + client.getAccountSid() + "/Tokens/validate");
    request.setContentType(EnumConstants.ContentType.JSON);
    request.addHeaderParam("Cache-Control", "no-cache");
    request.setBody(JSON.createObjectNode().put("token", token).toString());
    Response response;
    try {
      response = client.request(request);
    } catch (ApiConnectionException e) {
      throw TwilioCallException.unreachable(operation, e.getMessage());
    }
    if (response == null) {
      throw TwilioCallException.unreachable(operation, "no response");
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.getContent());
    } catch (IOException | RuntimeException e) {
      throw TwilioCallException.answered(
          502, null, "IAM answered " + response.getStatusCode() + " without JSON", operation);
    }
    if (response.getStatusCode() >= 300 && !body.has("valid")) {
      throw TwilioCallException.answered(
          response.getStatusCode(),
          body.path("code").isInt() ? body.path("code").asInt() : null,
          body.path("message").asText(null),
          operation);
    }
    if (!body.path("valid").asBoolean(false)) {
      return new IamVerdict(
          false,
          body.path("code").asInt(0),
          body.path("message").asText("invalid token"),
          null,
          null,
          List.of(),
          null,
          null);
    }
    List<String> roles = new ArrayList<>();
    body.path("roles").forEach(r -> roles.add(r.asText()));
    Instant expiration = null;
    try {
      expiration = Instant.parse(body.path("expiration").asText());
    } catch (RuntimeException unparseable) {
      // A valid token without a readable expiration is cached only briefly; see FlexTokenValidator.
    }
    return new IamVerdict(
        true,
        0,
        null,
        body.path("identity").asText(null),
        body.path("realm_user_id").asText(null),
        List.copyOf(roles),
        body.path("worker_sid").asText(null),
        expiration);
  }

  public GatewayStats stats() {
    return http.stats();
  }

  public String accountSid() {
    return client.getAccountSid();
  }

  /** For the few callers that need twilio-java directly; still behind the gateway's transport. */
  public TwilioRestClient client() {
    return client;
  }
}
