package dev.flexkit.auth;

import dev.flexkit.http.FormUrlEncoded;
import dev.flexkit.web.ApiError;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Guards {@link TwilioWebhook} endpoints: the signature must match the request as Twilio sent it to
 * {@code PUBLIC_BASE_URL} (path and query as received), else 403 JSON.
 */
@TwilioWebhook
@Priority(Priorities.AUTHENTICATION)
public final class TwilioWebhookFilter implements ContainerRequestFilter {
  private static final int MAX_BODY = 1024 * 1024;

  /** The request property holding the checked form, as {@code Map<String, List<String>>}. */
  public static final String FORM = "dev.flexkit.twilioWebhookForm";

  private final WebhookVerifier verifier;

  @Inject
  public TwilioWebhookFilter(WebhookVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String signature = request.getHeaderString("X-Twilio-Signature");
    URI received = request.getUriInfo().getRequestUri();
    String url =
        base(verifier.publicBaseUrl().get())
            + received.getRawPath()
            + (received.getRawQuery() == null ? "" : "?" + received.getRawQuery());
    String key = verifier.authToken().get().orElse(null);
    byte[] body =
        request.hasEntity() ? request.getEntityStream().readNBytes(MAX_BODY) : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    MediaType type = request.getMediaType();
    boolean valid;
    if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      valid = WebhookSignatures.validJson(key, url, body, signature);
    } else if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      Map<String, List<String>> form =
          FormUrlEncoded.parse(new String(body, StandardCharsets.UTF_8));
      valid = WebhookSignatures.validForm(key, url, form, signature);
      request.setProperty(
          FORM, form); // the resource reads the form checked here, not a second parse of it
    } else {
      valid = WebhookSignatures.validForm(key, url, Map.of(), signature);
    }
    if (!valid) {
      request.abortWith(
          Response.status(403)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  ApiError.of(
                      "invalid_signature",
                      signature == null
                          ? "X-Twilio-Signature is missing"
                          : "X-Twilio-Signature does not match this request"))
              .build());
    }
  }

  /**
   * PUBLIC_BASE_URL without trailing slashes, worked out once per value rather than per request.
   */
  private String base(URI publicBaseUrl) {
    Base known = this.base;
    if (known == null || !known.url().equals(publicBaseUrl)) {
      known = new Base(publicBaseUrl, publicBaseUrl.toString().replaceAll("/+$", ""));
      this.base = known;
    }
    return known.text();
  }

  private record Base(URI url, String text) {}

  private volatile Base base;
}
