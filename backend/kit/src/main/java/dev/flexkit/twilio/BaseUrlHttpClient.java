package dev.flexkit.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Sends twilio-java's requests to another base URL: {@code https://{product}.twilio.com/X} becomes
 * {@code {baseUrl}/{product}/X}. twilio-java's region/edge settings can only rename the Twilio
 * host, so pointing it at an emulator (ours, or any Twilio-compatible one) takes a client of its
 * own.
 */
public final class BaseUrlHttpClient extends NetworkHttpClient {
  private static final Pattern TWILIO_URL =
      Pattern.compile("^https://([a-z0-9-]+)\\.twilio\\.com(/.*)?$");

  private final Supplier<URI> baseUrl;

  public BaseUrlHttpClient(URI baseUrl) {
    this.baseUrl = () -> baseUrl;
  }

  /**
   * {@code baseUrl} is asked on every request: the sandbox's port is known only once it listens.
   */
  public BaseUrlHttpClient(Supplier<URI> baseUrl, HttpClientBuilder transport) {
    super(transport);
    this.baseUrl = baseUrl;
  }

  @Override
  public Response makeRequest(Request request) {
    return super.makeRequest(redirect(request));
  }

  Request redirect(Request original) {
    Matcher m = TWILIO_URL.matcher(original.getUrl());
    if (!m.matches()) {
      return original;
    }
    String base = baseUrl.get().toString();
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    Request copy =
        new Request(
            original.getMethod(), base + "/" + m.group(1) + (m.group(2) == null ? "" : m.group(2)));
    if (original.getAuthStrategy() != null) {
      copy.setAuth(original.getAuthStrategy());
    } else if (original.getUsername() != null) {
      copy.setAuth(original.getUsername(), original.getPassword());
    }
    copy.setContentType(original.getContentType());
    copy.setUserAgentExtensions(original.getUserAgentExtensions());
    if (original.getBody() != null) {
      copy.setBody(original.getBody());
    }
    copyParams(original.getQueryParams(), copy::addQueryParam);
    copyParams(original.getPostParams(), copy::addPostParam);
    copyParams(original.getHeaderParams(), copy::addHeaderParam);
    return copy;
  }

  private interface ParamSink {
    void add(String name, String value);
  }

  private static void copyParams(Map<String, List<String>> params, ParamSink sink) {
    params.forEach((name, values) -> values.forEach(v -> sink.add(name, v)));
  }
}
