package dev.flexkit.sandbox.fidelity;

import dev.flexkit.http.BufferedBodyRequest;
import dev.flexkit.http.FormUrlEncoded;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Outermost on {@code /twilio/*}: lets the exchange happen untouched, keeping a copy of the request
 * body and of what was written back, then hands both to {@link SpecConformance}. Only mounted when
 * spec checking is switched on ({@code SANDBOX_SPEC_DIR}).
 */
public final class SpecConformanceFilter implements Filter {
  private static final int MAX_BODY = 4 * 1024 * 1024;

  private final SpecConformance conformance;

  public SpecConformanceFilter(SpecConformance conformance) {
    this.conformance = conformance;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    byte[] requestBody = request.getInputStream().readNBytes(MAX_BODY);
    BufferedBodyRequest replaying = new BufferedBodyRequest(request, requestBody);
    Capturing capturing = new Capturing(response);
    try {
      chain.doFilter(replaying, capturing);
    } finally {
      capturing.flushWriter();
      String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
      conformance.check(
          new SpecConformance.Exchange(
              request.getMethod(),
              path,
              FormUrlEncoded.parse(request.getQueryString()),
              request.getContentType(),
              requestBody,
              capturing.getStatus(),
              capturing.getContentType(),
              capturing.captured()));
    }
  }

  /** The response, written through as usual, with a copy of the body kept. */
  private static final class Capturing extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;

    Capturing(HttpServletResponse response) {
      super(response);
    }

    byte[] captured() {
      return copy.toByteArray();
    }

    void flushWriter() {
      if (writer != null) {
        writer.flush();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream real = super.getOutputStream();
        stream =
            new ServletOutputStream() {
              @Override
              public boolean isReady() {
                return real.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                real.setWriteListener(listener);
              }

              @Override
              public void write(int b) throws IOException {
                real.write(b);
                keep(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                real.write(b, off, len);
                keep(b, off, len);
              }

              @Override
              public void flush() throws IOException {
                real.flush();
              }

              @Override
              public void close() throws IOException {
                real.close();
              }
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      flushWriter();
      super.flushBuffer();
    }

    private void keep(byte[] b, int off, int len) {
      if (copy.size() + len <= MAX_BODY) {
        copy.write(b, off, len);
      }
    }
  }
}
