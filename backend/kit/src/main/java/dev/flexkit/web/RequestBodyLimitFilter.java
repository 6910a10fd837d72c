package dev.flexkit.web;

import dev.flexkit.config.RequestLimits;
import dev.flexkit.http.BufferedBodyRequest;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * First on every path: the whole request body is read before anything answers. A filter that
 * refuses early (401, 403, 415) then never leaves unread bytes on a kept-alive connection, which
 * Jetty would close without a {@code Connection: close}, so that the client's next request on it
 * got no answer at all. A body over the limit is answered 413 with {@code Connection: close}; what
 * the client is still sending is read and dropped first (up to {@link #DRAIN_CAP}), so that its
 * write does not fail with a reset before it reads the answer.
 */
public final class RequestBodyLimitFilter implements Filter {
  static final long DRAIN_CAP = 4L * 1024 * 1024;

  private final RequestLimits limits;

  public RequestBodyLimitFilter(RequestLimits limits) {
    this.limits = limits;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    long declared = request.getContentLengthLong();
    boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
    if (declared <= 0 && !chunked) {
      chain.doFilter(req, res);
      return;
    }
    int limit =
        request.getRequestURI().startsWith("/webhooks/")
            ? limits.maxWebhookBodyBytes()
            : limits.maxBodyBytes();
    if (declared > limit) {
      tooLarge(request, response, limit, declared <= DRAIN_CAP);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(limit + 1);
    if (body.length > limit) {
      tooLarge(request, response, limit, true);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), res);
  }

  private static void tooLarge(
      HttpServletRequest request, HttpServletResponse response, int limit, boolean drain)
      throws IOException {
    if (drain) {
      InputStream in = request.getInputStream();
      long left = DRAIN_CAP;
      byte[] sink = new byte[8192];
      int n;
      while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
        left -= n;
      }
    }
    byte[] json =
        ErrorJson.render(
                413,
                "The request body is larger than the " + limit + " bytes this endpoint accepts")
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(413);
    response.setHeader("Connection", "close");
    response.setContentType("application/json");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
