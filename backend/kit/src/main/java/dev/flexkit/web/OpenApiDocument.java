package dev.flexkit.web;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The API description, generated from the registered JAX-RS resources on first use (so it costs
 * nothing at start-up) and then cached: it cannot drift from the code that serves it.
 */
public final class OpenApiDocument {
  private final Set<Class<?>> resources;
  private final Supplier<String> serverUrl;
  private volatile String json;

  public OpenApiDocument(Set<Class<?>> resources, Supplier<String> serverUrl) {
    this.resources = Set.copyOf(resources);
    this.serverUrl = serverUrl;
  }

  public String json() {
    String d = json;
    if (d == null) {
      synchronized (this) {
        if (json == null) {
          json = generate();
        }
        d = json;
      }
    }
    return d;
  }

  private String generate() {
    OpenAPI base =
        new OpenAPI()
            .info(
                new Info()
                    .title("Flex Messaging Kit")
                    .version(BuildInfo.version())
                    .description(
                        "Outbound SMS/WhatsApp, server-side customer inactivity and chat transfers for Twilio Flex.")
                    .license(new License().name("MIT")))
            .servers(List.of(new Server().url(serverUrl.get())))
            .components(
                new io.swagger.v3.oas.models.Components()
                    .addSecuritySchemes(
                        "flexToken",
                        new io.swagger.v3.oas.models.security.SecurityScheme()
                            .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .description(
                                "The agent's Flex token (the seed-compatible Token query/body field is accepted too)"))
                    .addSecuritySchemes(
                        "backofficeApiKey",
                        new io.swagger.v3.oas.models.security.SecurityScheme()
                            .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY)
                            .in(io.swagger.v3.oas.models.security.SecurityScheme.In.HEADER)
                            .name("X-Api-Key")
                            .description(
                                "BACKOFFICE_API_KEY, for systems without an agent (Authorization: Bearer <key> is accepted too)")));
    SwaggerConfiguration config = new SwaggerConfiguration().openAPI(base).readAllResources(true);
    return Json.pretty(new Reader(config).read(resources));
  }
}
