package dev.flexkit.inactivity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.auth.AgentAuthenticated;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server's countdowns, so every tab renders the same times without running a timer itself. */
@Path("/api/inactivity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inactivity")
public final class InactivityResource {
  private final InactivityService service;
  private final Clock clock;

  @Inject
  public InactivityResource(InactivityService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  @GET
  @AgentAuthenticated
  @Operation(
      summary =
          "One conversation's countdown, or (without conversationSid) those of all the calling agent's tasks",
      security = @SecurityRequirement(name = "flexToken"))
  public Map<String, Object> get(
      @QueryParam("conversationSid") String conversationSid, @Context SecurityContext security) {
    FlexAgent agent = FlexAgent.of(security);
    Instant now = clock.instant();
    if (conversationSid == null) {
      List<Map<String, Object>> timers =
          service.forWorker(agent.workerSid()).stream().map(t -> view(t, now)).toList();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("timers", timers);
      out.put("serverTime", now.toString());
      return out;
    }
    if (!conversationSid.matches("CH[0-9a-fA-F]{32}")) {
      throw new ApiException(
          400,
          "invalid_conversation_sid",
          "conversationSid must be a Conversation SID (CH…)",
          "conversationSid",
          null);
    }
    return view(owned(conversationSid, agent), now);
  }

  @POST
  @Path("{conversationSid}/snooze")
  @Consumes(MediaType.APPLICATION_JSON)
  @AgentAuthenticated
  @Operation(
      summary =
          "Extend the countdown by {minutes} (1–60), {pause: true} until the customer writes again,"
              + " or {resume: true} to restart a paused countdown in full",
      security = @SecurityRequirement(name = "flexToken"))
  public Map<String, Object> snooze(
      @PathParam("conversationSid") String conversationSid,
      JsonNode body,
      @Context SecurityContext security) {
    Snooze request = Snooze.of(body);
    FlexAgent agent = FlexAgent.of(security);
    for (int attempt = 0; attempt < 3; attempt++) {
      Timer t = owned(conversationSid, agent);
      if (!t.running()) {
        throw new ApiException(
            409,
            "not_running",
            "this conversation's countdown is "
                + t.state().name().toLowerCase()
                + " and cannot be snoozed",
            null,
            null);
      }
      if (request.resume() && t.state() != Timer.State.PAUSED) {
        throw new ApiException(
            409, "not_paused", "this conversation's countdown is not paused", null, null);
      }
      var snoozed =
          request.resume()
              ? service.resume(t)
              : service.snooze(t, request.minutes(), request.pause());
      if (snoozed.isPresent()) {
        return view(snoozed.get(), clock.instant());
      }
    }
    throw new ApiException(409, "busy", "the countdown kept changing; try again", null, null);
  }

  /** Exactly one of {@code minutes}, {@code pause: true} or {@code resume: true}. */
  private record Snooze(Integer minutes, boolean pause, boolean resume) {
    static Snooze of(JsonNode body) {
      boolean pause = flag(body, "pause");
      boolean resume = flag(body, "resume");
      JsonNode minutes = body == null ? null : body.get("minutes");
      if ((minutes != null ? 1 : 0) + (pause ? 1 : 0) + (resume ? 1 : 0) != 1) {
        throw new ApiException(
            400,
            "invalid_snooze",
            "give one of minutes (1–60), pause: true or resume: true",
            "minutes",
            null);
      }
      if (minutes != null
          && (!minutes.isIntegralNumber() || minutes.asInt() < 1 || minutes.asInt() > 60)) {
        throw new ApiException(
            400, "invalid_minutes", "minutes must be a whole number from 1 to 60", "minutes", null);
      }
      return new Snooze(minutes == null ? null : minutes.asInt(), pause, resume);
    }

    private static boolean flag(JsonNode body, String name) {
      if (body == null || !body.has(name)) {
        return false;
      }
      if (!body.get(name).isBoolean()) {
        throw new ApiException(400, "invalid_" + name, name + " must be true or false", name, null);
      }
      return body.get(name).asBoolean();
    }
  }

  private Timer owned(String conversationSid, FlexAgent agent) {
    return service
        .find(conversationSid)
        .filter(t -> t.state() != Timer.State.IDLE)
        .filter(t -> agent.workerSid() != null && agent.workerSid().equals(t.workerSid()))
        .orElseThrow(
            () ->
                new ApiException(
                    404,
                    "not_found",
                    "no countdown for this conversation among your tasks",
                    "conversationSid",
                    null));
  }

  static Map<String, Object> view(Timer t, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("conversationSid", t.conversationSid());
    m.put("taskSid", t.taskSid());
    m.put("channelType", t.channelType());
    m.put(
        "state",
        (t.state() == Timer.State.WARNING ? Timer.State.WARNED : t.state()).name().toLowerCase());
    m.put("deadline", t.deadline() == null ? null : t.deadline().toString());
    m.put("warningAt", t.warningAt() == null ? null : t.warningAt().toString());
    m.put("serverTime", now.toString());
    return m;
  }
}
