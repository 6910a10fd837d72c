package dev.flexkit.web;

import dev.flexkit.capability.ServiceLinks;
import dev.flexkit.config.AppConfig;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** A signpost for whoever opens the base URL: what this is and where to go next. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
public final class RootResource {
  private final AppConfig config;
  private final ServiceLinks extraLinks;

  @Inject
  public RootResource(AppConfig config, ServiceLinks extraLinks) {
    this.config = config;
    this.extraLinks = extraLinks;
  }

  @GET
  @Operation(summary = "Service name, version, mode and links")
  public Map<String, Object> index() {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("health", "/health");
    links.put("openapi", "/openapi.json");
    links.put("plugin", "/plugin/plugin-flex-messaging-kit.js");
    links.putAll(extraLinks.links());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Flex Messaging Kit");
    body.put("version", BuildInfo.version());
    body.put("mode", config.mode().wireName());
    body.put("links", links);
    return body;
  }
}
