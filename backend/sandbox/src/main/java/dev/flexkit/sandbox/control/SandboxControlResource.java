package dev.flexkit.sandbox.control;

import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.traffic.CallLog;
import dev.flexkit.sandbox.traffic.Faults;
import dev.flexkit.sandbox.webhooks.WebhookDispatcher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;

/** The sandbox's levers on Twilio itself: the clock, the network (faults) and the call log. */
@Path("/sandbox/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sandbox")
public final class SandboxControlResource {
  public record Named(String sid, String name) {}

  public record WorkerInfo(String sid, String identity, String friendlyName) {}

  public record Numbers(List<String> sms, List<String> whatsapp) {}

  /**
   * What a client needs to talk to the sandbox as it would to Twilio. Field names are a contract.
   */
  public record Info(
      String accountSid,
      String authToken,
      String workspaceSid,
      List<Named> workflows,
      List<Named> queues,
      List<WorkerInfo> workers,
      Numbers numbers,
      String backofficeApiKey) {}

  public record ClockView(Instant now, long offsetSeconds) {}

  public record Advance(Long seconds) {}

  public record CallsView(List<CallLog.Call> calls) {}

  public record WebhooksView(int pending, List<WebhookDispatcher.Delivery> deliveries) {}

  public record FaultRequest(
      String match,
      String kind,
      Integer status,
      Long latencyMs,
      Integer nth,
      Integer times,
      Long retryAfterSeconds,
      Integer code) {}

  public record FaultsView(List<Faults.Rule> faults) {}

  private final SandboxWorld world;

  @Inject
  public SandboxControlResource(SandboxWorld world) {
    this.world = world;
  }

  @GET
  @Path("info")
  @Operation(summary = "The sandbox account's credentials and seeded resources")
  public Info info() {
    var taskRouter = world.taskRouter();
    return new Info(
        world.account().accountSid(),
        world.account().authToken(),
        taskRouter.workspaceSid(),
        taskRouter.workflowNames().stream().map(w -> new Named(w.sid(), w.name())).toList(),
        taskRouter.queueNames().stream().map(q -> new Named(q.sid(), q.name())).toList(),
        world.workerDirectory().all().stream()
            .map(a -> new WorkerInfo(a.workerSid(), a.identity(), a.friendlyName()))
            .toList(),
        new Numbers(world.numbers().sms(), world.numbers().whatsapp()),
        world.backOfficeApiKey().orElse(null));
  }

  @GET
  @Path("clock")
  @Operation(summary = "The sandbox clock, shared by the emulator and the service")
  public ClockView clock() {
    return new ClockView(world.clock().instant(), world.clock().offset().toSeconds());
  }

  @POST
  @Path("clock/advance")
  @Operation(summary = "Move the clock forward; timers that fall due fire before this returns")
  public ClockView advance(Advance request) {
    if (request == null || request.seconds() == null) {
      throw new ControlApiException(400, "missing_field", "seconds is required", "seconds", null);
    }
    if (request.seconds() < 0 || request.seconds() > Duration.ofDays(366).toSeconds()) {
      throw new ControlApiException(
          400, "invalid_field", "seconds must be between 0 and one year", "seconds", null);
    }
    world.clock().advance(Duration.ofSeconds(request.seconds()));
    return clock();
  }

  @GET
  @Path("calls")
  @Operation(summary = "Every Twilio request the emulator answered, oldest first")
  public CallsView calls() {
    return new CallsView(world.calls().all());
  }

  @GET
  @Path("webhooks")
  @Operation(summary = "Webhooks still to send (pending) and the last 1,000 attempts, oldest first")
  public WebhooksView webhooks() {
    return new WebhooksView(world.webhooks().pending(), world.webhooks().deliveries());
  }

  @DELETE
  @Path("calls")
  @Operation(summary = "Forget the call log")
  public Response clearCalls() {
    world.calls().clear();
    return Response.noContent().build();
  }

  @GET
  @Path("faults")
  @Operation(summary = "The armed fault rules")
  public FaultsView faults() {
    return new FaultsView(world.faults().list());
  }

  @POST
  @Path("faults")
  @Operation(summary = "Arm a fault: latency, or an error status (429 answers with Retry-After)")
  public Response addFault(FaultRequest request) {
    if (request == null || request.match() == null || request.match().isBlank()) {
      throw new ControlApiException(
          400,
          "missing_field",
          "match is required, e.g. \"POST /conversations/v1/Conversations\"",
          "match",
          null);
    }
    if (request.kind() == null) {
      throw new ControlApiException(
          400, "missing_field", "kind is required: latency or status", "kind", null);
    }
    Faults.Kind kind;
    try {
      kind = Faults.Kind.valueOf(request.kind().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ControlApiException(
          400, "invalid_field", "kind must be latency or status", "kind", null);
    }
    if (kind == Faults.Kind.STATUS && request.status() == null) {
      throw new ControlApiException(
          400, "missing_field", "status is required for kind status", "status", null);
    }
    if (kind == Faults.Kind.LATENCY
        && (request.latencyMs() == null
            || request.latencyMs() < 0
            || request.latencyMs() > 60_000)) {
      throw new ControlApiException(
          400, "invalid_field", "latencyMs must be between 0 and 60000", "latencyMs", null);
    }
    Faults.Rule rule =
        new Faults.Rule(
            request.match(),
            kind,
            request.status() == null ? 0 : request.status(),
            request.latencyMs() == null ? 0 : request.latencyMs(),
            request.nth() == null ? 1 : request.nth(),
            request.times() == null ? 1 : request.times(),
            request.retryAfterSeconds() == null ? 1 : request.retryAfterSeconds(),
            request.code() == null ? 0 : request.code());
    try {
      world.faults().add(rule);
    } catch (PatternSyntaxException e) {
      throw new ControlApiException(
          400,
          "invalid_field",
          "match has an invalid path regex: " + e.getDescription(),
          "match",
          null);
    } catch (IllegalArgumentException e) {
      throw new ControlApiException(400, "invalid_field", e.getMessage(), null, null);
    }
    return Response.status(201).entity(rule).build();
  }

  @DELETE
  @Path("faults")
  @Operation(summary = "Disarm every fault")
  public Response clearFaults() {
    world.faults().clear();
    return Response.noContent().build();
  }
}
