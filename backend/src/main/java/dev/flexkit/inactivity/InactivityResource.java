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
  @Operation(summary = "One conversation's countdown, or (without conversationSid) those of all the calling agent's tasks",
      security = @SecurityRequirement(name = "flexToken"))
  public Map<String, Object> get(@QueryParam("conversationSid") String conversationSid, @Context SecurityContext security) {
    FlexAgent agent = FlexAgent.of(security);
    Instant now = clock.instant();
    if (conversationSid == null) {
      List<Map<String, Object>> timers = service.forWorker(agent.workerSid()).stream().map(t -> view(t, now)).toList();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("timers", timers);
      out.put("serverTime", now.toString());
      return out;
    }
    if (!conversationSid.matches("CH[0-9a-fA-F]{32}")) {
      throw new ApiException(400, "invalid_conversation_sid", "conversationSid must be a Conversation SID (CH…)",
          "conversationSid", null);
    }
    return view(owned(conversationSid, agent), now);
  }

  @POST
  @Path("{conversationSid}/snooze")
  @Consumes(MediaType.APPLICATION_JSON)
  @AgentAuthenticated
  @Operation(summary = "Extend the countdown by {minutes} (1–60), or {pause: true} until the customer writes again",
      security = @SecurityRequirement(name = "flexToken"))
  public Map<String, Object> snooze(@PathParam("conversationSid") String conversationSid, JsonNode body,
                                    @Context SecurityContext security) {
    boolean pause = body != null && body.path("pause").asBoolean(false);
    JsonNode minutes = body == null ? null : body.get("minutes");
    if (body != null && body.has("pause") && !body.get("pause").isBoolean()) {
      throw new ApiException(400, "invalid_pause", "pause must be true or false", "pause", null);
    }
    if (pause == (minutes != null)) {
      throw new ApiException(400, "invalid_snooze", "give either minutes (1–60) or pause: true", "minutes", null);
    }
    if (minutes != null && (!minutes.isIntegralNumber() || minutes.asInt() < 1 || minutes.asInt() > 60)) {
      throw new ApiException(400, "invalid_minutes", "minutes must be a whole number from 1 to 60", "minutes", null);
    }
    FlexAgent agent = FlexAgent.of(security);
    for (int attempt = 0; attempt < 3; attempt++) {
      Timer t = owned(conversationSid, agent);
      if (!t.running()) {
        throw new ApiException(409, "not_running", "this conversation's countdown is " + t.state().name().toLowerCase()
            + " and cannot be snoozed", null, null);
      }
      var snoozed = service.snooze(t, minutes == null ? null : minutes.asInt(), pause);
      if (snoozed.isPresent()) {
        return view(snoozed.get(), clock.instant());
      }
    }
    throw new ApiException(409, "busy", "the countdown kept changing; try again", null, null);
  }

  private Timer owned(String conversationSid, FlexAgent agent) {
    return service.find(conversationSid)
        .filter(t -> t.state() != Timer.State.IDLE)
        .filter(t -> agent.workerSid() != null && agent.workerSid().equals(t.workerSid()))
        .orElseThrow(() -> new ApiException(404, "not_found", "no countdown for this conversation among your tasks",
            "conversationSid", null));
  }

  static Map<String, Object> view(Timer t, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("conversationSid", t.conversationSid());
    m.put("taskSid", t.taskSid());
    m.put("channelType", t.channelType());
    m.put("state", (t.state() == Timer.State.WARNING ? Timer.State.WARNED : t.state()).name().toLowerCase());
    m.put("deadline", t.deadline() == null ? null : t.deadline().toString());
    m.put("warningAt", t.warningAt() == null ? null : t.warningAt().toString());
    m.put("serverTime", now.toString());
    return m;
  }
}
