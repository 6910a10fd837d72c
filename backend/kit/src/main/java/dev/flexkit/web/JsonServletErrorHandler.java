package dev.flexkit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Servlet-level errors (sendError, exceptions escaping Jersey) in the same JSON envelope. */
public final class JsonServletErrorHandler extends ErrorHandler {
  @Override
  protected void generateAcceptableResponse(
      ServletContextRequest baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(ErrorJson.render(code, code >= 500 ? null : message));
  }
}
