package dev.flexkit.health;

import dev.flexkit.config.AppConfig;
import dev.flexkit.web.BuildInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
public final class HealthResource {
  private final List<HealthCheck> checks;
  private final AppConfig config;

  @Inject
  public HealthResource(HealthChecks checks, AppConfig config) {
    this.checks = checks.all();
    this.config = config;
  }

  @GET
  @Operation(
      summary = "Liveness and readiness, with every dependency's check",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Ready",
            content = @Content(schema = @Schema(implementation = HealthReport.class))),
        @ApiResponse(
            responseCode = "503",
            description = "Alive but not ready",
            content = @Content(schema = @Schema(implementation = HealthReport.class)))
      })
  public Response health() {
    HealthReport report = report();
    return Response.status(report.ready() ? 200 : 503).entity(report).build();
  }

  @GET
  @Path("/live")
  @Operation(summary = "Liveness only: 200 while the process serves requests")
  public Map<String, Object> live() {
    return Map.of("live", true);
  }

  @GET
  @Path("/ready")
  @Operation(summary = "Readiness only: 200 when every dependency is healthy, else 503")
  public Response ready() {
    HealthReport report = report();
    return Response.status(report.ready() ? 200 : 503)
        .entity(Map.of("ready", report.ready()))
        .build();
  }

  private HealthReport report() {
    Map<String, HealthCheck.Result> results = new LinkedHashMap<>();
    for (HealthCheck check : checks) {
      HealthCheck.Result result;
      try {
        result = check.check();
      } catch (RuntimeException e) {
        result = HealthCheck.Result.unhealthy(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      results.put(check.name(), result);
    }
    boolean ready = results.values().stream().allMatch(HealthCheck.Result::healthy);
    return new HealthReport(
        ready ? "UP" : "DOWN", true, ready, config.mode().wireName(), BuildInfo.version(), results);
  }
}
