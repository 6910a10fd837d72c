package dev.flexkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import dev.flexkit.auth.AgentAuthFilter;
import dev.flexkit.auth.TwilioWebhookFilter;
import dev.flexkit.capability.Contributions;
import dev.flexkit.capability.ServiceLinks;
import dev.flexkit.health.HealthChecks;
import dev.flexkit.web.ApiExceptionMapper;
import dev.flexkit.web.JsonInputExceptionMapper;
import dev.flexkit.web.OpenApiDocument;
import dev.flexkit.web.OpenApiResource;
import dev.flexkit.web.UncaughtExceptionMapper;
import dev.flexkit.web.WebApplicationExceptionMapper;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The JAX-RS application: what every service has (JSON, errors, auth filters, OpenAPI), then the
 * capabilities' parts.
 */
final class KitJersey {
  private KitJersey() {}

  static ResourceConfig of(
      Contributions contributions,
      Set<Class<?>> extraResources,
      ObjectMapper mapper,
      Supplier<URI> publicUrl) {
    ResourceConfig jersey = new ResourceConfig();
    jersey.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    jersey.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    jersey.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
    jersey.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    jersey.register(new JacksonJsonProvider(mapper));
    jersey.register(ApiExceptionMapper.class);
    jersey.register(WebApplicationExceptionMapper.class);
    jersey.register(JsonInputExceptionMapper.class);
    jersey.register(UncaughtExceptionMapper.class);
    jersey.register(AgentAuthFilter.class);
    jersey.register(TwilioWebhookFilter.class);
    contributions
        .providers()
        .forEach(
            provider -> {
              if (provider instanceof Class<?> type) {
                jersey.register(type);
              } else {
                jersey.register(provider);
              }
            });
    Set<Class<?>> resources = new LinkedHashSet<>(contributions.resources());
    resources.addAll(extraResources);
    contributions
        .bind(new HealthChecks(contributions.healthChecks()), HealthChecks.class)
        .bind(new ServiceLinks(contributions.links()), ServiceLinks.class)
        .bind(
            new OpenApiDocument(resources, () -> publicUrl.get().toString()),
            OpenApiDocument.class);
    jersey.register(contributions.binder());
    resources.forEach(jersey::register);
    jersey.register(OpenApiResource.class);
    return jersey;
  }
}
