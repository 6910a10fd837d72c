package dev.flexkit.sandbox.flex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.wire.TwilioException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Flex v1 Configuration; twilio-java posts updates as a JSON body. */
@Path("/flex-api/v1/Configuration")
@Produces(MediaType.APPLICATION_JSON)
public final class ConfigurationResource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FlexConfiguration configuration;

  @Inject
  public ConfigurationResource(SandboxWorld world) {
    this.configuration = world.flexConfiguration();
  }

  @GET
  public Map<String, Object> fetch() {
    return configuration.fetch();
  }

  @POST
  public Map<String, Object> update(String body) {
    JsonNode json;
    try {
      json = body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (Exception e) {
      throw new TwilioException(400, 20001, "Invalid JSON body");
    }
    return configuration.update(json);
  }
}
