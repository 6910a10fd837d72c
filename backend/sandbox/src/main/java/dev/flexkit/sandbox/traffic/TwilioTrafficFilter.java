package dev.flexkit.sandbox.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.TwilioErrorBody;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * In front of the whole emulator: injected faults first (as a flaky network would), then HTTP Basic
 * authentication with the sandbox account, then the call log, which records every request with its
 * final status, faults and 401s included.
 */
public final class TwilioTrafficFilter implements Filter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SandboxAccount account;
  private final Faults faults;
  private final CallLog calls;
  private final Clock clock;

  public TwilioTrafficFilter(SandboxAccount account, Faults faults, CallLog calls, Clock clock) {
    this.account = account;
    this.faults = faults;
    this.calls = calls;
    this.clock = clock;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    long started = System.nanoTime();
    Instant startedAt = clock.instant();
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    String method = request.getMethod();
    // The end is the start plus the measured duration, not a second clock reading: a thread
    // preempted between the two would otherwise log a start later than the request's.
    RecordingResponse response =
        new RecordingResponse(
            (HttpServletResponse) res,
            status -> {
              long durationMs = (System.nanoTime() - started) / 1_000_000;
              calls.record(
                  new CallLog.Call(
                      method, path, status, durationMs, startedAt.plusMillis(durationMs)));
            });
    try {
      Optional<Faults.Effect> fault = faults.effectFor(method, path);
      if (fault.isPresent() && fault.get().latencyMs() > 0) {
        sleep(fault.get().latencyMs());
      }
      if (fault.isPresent() && fault.get().status() != null) {
        int status = fault.get().status();
        int code = fault.get().code();
        if (status == 429) {
          response.setHeader(
              "Retry-After", String.valueOf(Math.max(0, fault.get().retryAfterSeconds())));
          write(response, 429, code == 0 ? 20429 : code, tooManyRequests(code));
        } else {
          write(
              response,
              status,
              code != 0 ? code : status >= 500 ? 20500 : 20001,
              status >= 500 ? "Internal Server Error" : "Injected failure");
        }
        return;
      }
      if (!authenticated(request.getHeader("Authorization"))) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"");
        write(response, 401, 20003, "Authenticate");
        return;
      }
      chain.doFilter(request, response);
    } finally {
      response.recordOnce();
    }
  }

  /**
   * R54 (ERR/20429), R55 (ERR/50063, the Conversations actions-per-second limit) and R38
   * (ERR/45780, the Flex Interactions limit, worded as Twilio's error page titles it).
   */
  private static String tooManyRequests(int code) {
    return switch (code) {
      case 50063, 50074 -> "Actions per second limit exceeded";
      case 45780 -> "Operation failed: too many concurrent API requests";
      default -> "Too Many Requests";
    };
  }

  private boolean authenticated(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String expected = account.accountSid() + ":" + account.authToken();
    return MessageDigest.isEqual(
        decoded.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(HttpServletResponse response, int status, int code, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(TwilioErrorBody.of(status, code, message)));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
