package dev.flexkit.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import dev.flexkit.config.TwilioGatewaySettings;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/** The one place a {@link TwilioRestClient} is built, always behind a {@link TwilioGateway}. */
public final class TwilioClients {
  private static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(30);

  private TwilioClients() {}

  /**
   * Real Twilio, or what {@code settings.apiBaseUrl()} names in its place (an emulator or a proxy).
   * {@code username} is the account SID or an API key SID.
   */
  public static TwilioGateway live(
      String accountSid, String username, String password, TwilioGatewaySettings settings) {
    HttpClient transport =
        settings
            .apiBaseUrl()
            .<HttpClient>map(
                base -> new BaseUrlHttpClient(() -> base, pooled(settings.maxConcurrency())))
            .orElseGet(() -> new NetworkHttpClient(pooled(settings.maxConcurrency())));
    return gateway(
        accountSid, username, password, transport, settings, d -> Thread.sleep(d.toMillis()));
  }

  /**
   * A Twilio-compatible emulator at {@code baseUrl}, e.g. the sandbox's {@code
   * http://127.0.0.1:8080/twilio}.
   */
  public static TwilioGateway emulated(
      Supplier<URI> baseUrl, String accountSid, String authToken, TwilioGatewaySettings settings) {
    return emulated(baseUrl, accountSid, authToken, settings, d -> Thread.sleep(d.toMillis()));
  }

  public static TwilioGateway emulated(URI baseUrl, String accountSid, String authToken) {
    return emulated(() -> baseUrl, accountSid, authToken, new TwilioGatewaySettings(8, 4));
  }

  static TwilioGateway emulated(
      Supplier<URI> baseUrl,
      String accountSid,
      String authToken,
      TwilioGatewaySettings settings,
      GatewayHttpClient.Sleeper sleeper) {
    return gateway(
        accountSid,
        accountSid,
        authToken,
        new BaseUrlHttpClient(baseUrl, pooled(settings.maxConcurrency())),
        settings,
        sleeper);
  }

  private static TwilioGateway gateway(
      String accountSid,
      String username,
      String password,
      HttpClient transport,
      TwilioGatewaySettings settings,
      GatewayHttpClient.Sleeper sleeper) {
    GatewayHttpClient http =
        new GatewayHttpClient(
            transport,
            RetryPolicy.standard(settings.maxAttempts()),
            settings.maxConcurrency(),
            QUEUE_TIMEOUT,
            d -> sleeper.sleep(d));
    TwilioRestClient client =
        new TwilioRestClient.Builder(username, password)
            .accountSid(accountSid)
            .httpClient(http)
            .build();
    return new TwilioGateway(client, http);
  }

  /**
   * Apache's client would retry on its own (idempotent requests on I/O errors, 429/503 with
   * Retry-After): retries belong to {@link RetryPolicy} alone. One pooled connection per slot.
   */
  private static HttpClientBuilder pooled(int connections) {
    return HttpClientBuilder.create()
        .useSystemProperties()
        .disableAutomaticRetries()
        .setDefaultRequestConfig(HttpClient.DEFAULT_REQUEST_CONFIG)
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultSocketConfig(HttpClient.DEFAULT_SOCKET_CONFIG)
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .build());
  }
}
