package dev.flexkit.sandbox;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Where the Twilio emulator is mounted ({@code /twilio/{product}/...}). It answers in Twilio's
 * error shape so that twilio-java reports a readable ApiException until the emulator lands.
 */
@Path("/twilio/{path: .*}")
@Produces(MediaType.APPLICATION_JSON)
@Hidden
public final class TwilioEmulatorPlaceholder {
  @GET
  public Response get() {
    return notYet();
  }

  @POST
  public Response post() {
    return notYet();
  }

  @DELETE
  public Response delete() {
    return notYet();
  }

  private static Response notYet() {
    return Response.status(501).entity(Map.of(
        "code", 20501,
        "message", "The sandbox Twilio emulator is not available in this build",
        "more_info", "https://www.twilio.com/docs/errors/20501",
        "status", 501)).build();
  }
}
