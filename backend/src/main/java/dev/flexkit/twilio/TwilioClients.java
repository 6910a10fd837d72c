package dev.flexkit.twilio;

import com.twilio.http.TwilioRestClient;
import java.net.URI;

/** The one place a {@link TwilioRestClient} is built. */
public final class TwilioClients {
  private TwilioClients() {}

  /** Real Twilio. {@code username} is the account SID or an API key SID. */
  public static TwilioRestClient live(String accountSid, String username, String password) {
    return new TwilioRestClient.Builder(username, password).accountSid(accountSid).build();
  }

  /** A Twilio-compatible emulator at {@code baseUrl}, e.g. the sandbox's {@code http://127.0.0.1:8080/twilio}. */
  public static TwilioRestClient emulated(URI baseUrl, String accountSid, String authToken) {
    return new TwilioRestClient.Builder(accountSid, authToken)
        .accountSid(accountSid)
        .httpClient(new BaseUrlHttpClient(baseUrl))
        .build();
  }
}
