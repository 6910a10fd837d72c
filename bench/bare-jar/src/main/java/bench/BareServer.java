package bench;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** The least a Jetty + Jersey + Jackson service does before its first answer: GET /health as JSON on PORT. */
public final class BareServer {
  @Path("/health")
  public static final class Health {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> health() {
      return Map.of("status", "UP");
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    Server server = new Server(port);
    ResourceConfig jersey = new ResourceConfig(Health.class).register(JacksonJsonProvider.class);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new ServletContainer(jersey)), "/*");
    server.setHandler(context);
    server.start();
    System.out.println("bare server listening on " + port);
    server.join();
  }
}
