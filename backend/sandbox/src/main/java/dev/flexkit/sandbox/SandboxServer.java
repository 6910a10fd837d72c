package dev.flexkit.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import dev.flexkit.http.ServletMount;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The sandbox on a port of its own, with nothing of the kit: the Twilio emulator at {@code
 * /twilio/*} and the control API at {@code /sandbox/api}. For other projects' tests (see {@code
 * junit.TwilioSandboxExtension}); the service's {@code sandbox} command adds the agent desktop and
 * the plugin to the same parts.
 */
public final class SandboxServer implements AutoCloseable {
  private final Server server;
  private final SandboxModule sandbox;
  private final URI url;

  private SandboxServer(Server server, SandboxModule sandbox, URI url) {
    this.server = server;
    this.sandbox = sandbox;
    this.url = url;
  }

  /** Listens on loopback; {@code port} 0 picks a free one. */
  public static SandboxServer start(int port) {
    SandboxModule sandbox = SandboxModule.create(Clock.systemUTC(), null);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(
        new ServletHolder("sandbox-control", new ServletContainer(controlApi(sandbox))), "/*");
    ServletMount emulator = sandbox.twilioEmulator();
    context.addServlet(new ServletHolder(emulator.name(), emulator.servlet()), emulator.pathSpec());
    for (Filter filter : emulator.filters()) {
      context.addFilter(
          new FilterHolder(filter), emulator.pathSpec(), EnumSet.of(DispatcherType.REQUEST));
    }
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      sandbox.world().close();
      throw new IllegalStateException(
          "the Twilio sandbox could not listen on port " + port + ": " + e.getMessage(), e);
    }
    URI url = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    return new SandboxServer(server, sandbox, url);
  }

  private static ResourceConfig controlApi(SandboxModule sandbox) {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    ResourceConfig jersey = new ResourceConfig();
    jersey.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    jersey.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    jersey.register(new JacksonJsonProvider(mapper));
    sandbox.resources().stream()
        .filter(r -> r != SandboxDesktopResource.class)
        .forEach(jersey::register);
    jersey.register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(sandbox.world()).to(SandboxWorld.class);
          }
        });
    return jersey;
  }

  /** Where the sandbox listens, e.g. {@code http://127.0.0.1:41234}. */
  public URI url() {
    return url;
  }

  /** The base URL a Twilio client is pointed at instead of {@code https://*.twilio.com}. */
  public URI twilioBaseUrl() {
    return url.resolve("/twilio");
  }

  public SandboxWorld world() {
    return sandbox.world();
  }

  @Override
  public void close() {
    sandbox.world().webhooks().close();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the Twilio sandbox did not stop cleanly", e);
    } finally {
      sandbox.world().close();
    }
  }
}
