package dev.flexkit.web;

import dev.flexkit.config.AppConfig;
import dev.flexkit.http.ServletMount;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** Jetty, wired once: graceful stop, then CORS, then Jersey for every path. */
public final class HttpServer {
  /** Client, method, path without query (tokens must never reach logs), status, bytes, latency. */
  private static final String REQUEST_LOG_FORMAT = "%{client}a %m %U %s %O %{ms}Tms";

  private HttpServer() {}

  public static Server build(AppConfig config, ResourceConfig jersey, List<ServletMount> mounts) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("http");
    Server server = new Server(threads);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.bindHost());
    connector.setPort(config.port());
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler("/");
    // Servlets start with the server (not on their first request), while the store migrates in
    // the background, so the first answer does not also pay for Jersey building its model.
    ServletHolder api = new ServletHolder("jersey", new ServletContainer(jersey));
    api.setInitOrder(0);
    context.addServlet(api, "/*");
    context.addFilter(
        new FilterHolder(new RequestBodyLimitFilter(config.requestLimits())),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    for (ServletMount mount : mounts) {
      ServletHolder mounted = new ServletHolder(mount.name(), mount.servlet());
      mounted.setInitOrder(0);
      context.addServlet(mounted, mount.pathSpec());
      for (Filter filter : mount.filters()) {
        context.addFilter(
            new FilterHolder(filter), mount.pathSpec(), EnumSet.of(DispatcherType.REQUEST));
      }
    }
    context.setErrorHandler(new JsonServletErrorHandler());

    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(crossOrigin(config, context));
    server.setHandler(graceful);
    server.setErrorHandler(new JsonServerErrorHandler());

    Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
    writer.setLoggerName("http.request");
    server.setRequestLog(new CustomRequestLog(writer, REQUEST_LOG_FORMAT));

    // SIGTERM: stop accepting, let in-flight requests finish for up to the grace period.
    server.setStopTimeout(config.shutdownGrace().toMillis());
    server.setStopAtShutdown(true);
    return server;
  }

  private static CrossOriginHandler crossOrigin(AppConfig config, ServletContextHandler next) {
    CrossOriginHandler cors = new CrossOriginHandler();
    cors.setAllowedOriginPatterns(
        config.corsAllowedOrigins().stream().map(Pattern::quote).collect(Collectors.toSet()));
    cors.setAllowedMethods(Set.of("GET", "POST", "PUT", "PATCH", "DELETE"));
    cors.setAllowedHeaders(
        Set.of("Authorization", "Content-Type", "Idempotency-Key", "X-Requested-With"));
    cors.setExposedHeaders(Set.of("Retry-After"));
    cors.setAllowCredentials(false);
    cors.setPreflightMaxAge(Duration.ofMinutes(10));
    cors.setDeliverPreflightRequests(false);
    cors.setHandler(next);
    return cors;
  }
}
