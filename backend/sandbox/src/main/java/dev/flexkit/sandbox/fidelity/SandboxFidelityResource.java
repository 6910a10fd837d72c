package dev.flexkit.sandbox.fidelity;

import dev.flexkit.sandbox.SandboxWorld;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * What spec checking found so far, so a browser test run can assert the sandbox stayed faithful.
 */
@Path("/sandbox/api/fidelity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sandbox")
public final class SandboxFidelityResource {
  public record FidelityView(
      boolean enabled, long checked, List<SpecConformance.Violation> violations) {}

  private final SandboxWorld world;

  @Inject
  public SandboxFidelityResource(SandboxWorld world) {
    this.world = world;
  }

  @GET
  @Operation(
      summary =
          "Emulator answers that did not conform to Twilio's OpenAPI specs (enabled by SANDBOX_SPEC_DIR)")
  public FidelityView fidelity() {
    return world
        .specConformance()
        .map(c -> new FidelityView(true, c.checked(), c.violations()))
        .orElse(new FidelityView(false, 0, List.of()));
  }

  @DELETE
  @Operation(summary = "Forget the violations found so far")
  public Response clear() {
    world.specConformance().ifPresent(SpecConformance::clear);
    return Response.noContent().build();
  }
}
