package dev.flexkit.templates;

import dev.flexkit.auth.AgentAuthenticated;
import dev.flexkit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** What an agent may send: canned messages, and for WhatsApp the approved Content templates. */
@Path("/api/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "templates")
public final class TemplatesResource {
  private final CannedMessages canned;
  private final ContentTemplates content;

  @Inject
  public TemplatesResource(CannedMessages canned, ContentTemplates content) {
    this.canned = canned;
    this.content = content;
  }

  @GET
  @AgentAuthenticated
  @Operation(
      summary = "Canned messages for a channel; for whatsapp also the approved Content templates",
      security = @SecurityRequirement(name = "flexToken"))
  public Map<String, Object> templates(@QueryParam("channel") String channel) {
    if (!"sms".equals(channel) && !"whatsapp".equals(channel)) {
      throw new ApiException(
          400, "invalid_request", "channel must be sms or whatsapp", "channel", null);
    }
    return Map.of(
        "canned",
        canned.forChannel(channel),
        "contentTemplates",
        channel.equals("whatsapp") ? content.approvedForWhatsapp() : List.of());
  }
}
