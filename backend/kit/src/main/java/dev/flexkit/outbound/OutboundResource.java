package dev.flexkit.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexkit.auth.AgentAuthenticated;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.outbound.Refusal.FieldError;
import dev.flexkit.store.IdempotencyRecords;
import dev.flexkit.web.ApiException;
import dev.flexkit.whatsapp.WhatsappWindows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Agents start SMS/WhatsApp conversations; thin HTTP over {@link OutboundSender}. */
@Path("/api/outbound")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "outbound")
public final class OutboundResource {
  private static final String SCOPE = "outbound";

  private final OutboundSender sender;
  private final OutboundConversations conversations;
  private final OutboundValidation validation;
  private final IdempotencyRecords idempotency;
  private final SentMessages sent;
  private final WhatsappWindows windows;
  private final ObjectMapper mapper;

  @Inject
  public OutboundResource(
      OutboundSender sender,
      OutboundConversations conversations,
      OutboundValidation validation,
      IdempotencyRecords idempotency,
      SentMessages sent,
      WhatsappWindows windows,
      ObjectMapper mapper) {
    this.sender = sender;
    this.conversations = conversations;
    this.validation = validation;
    this.idempotency = idempotency;
    this.sent = sent;
    this.windows = windows;
    this.mapper = mapper;
  }

  @POST
  @Path("/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @AgentAuthenticated
  @Operation(
      summary = "Start an outbound SMS/WhatsApp conversation (open chat, or wait for the reply)",
      security = @SecurityRequirement(name = "flexToken"))
  public Response send(
      @Context SecurityContext security,
      @HeaderParam("Idempotency-Key") String key,
      OutboundRequest request) {
    FlexAgent agent = FlexAgent.of(security);
    if (key == null || key.isBlank()) {
      return execute(agent, request);
    }
    if (key.length() > 255) {
      return Refusal.invalid(
              List.of(
                  new FieldError(
                      "Idempotency-Key", "Idempotency-Key is longer than 255 characters")))
          .response();
    }
    String hash = hash(agent.identity() + "\n" + json(request));
    IdempotencyRecords.Claim claim = idempotency.claim(SCOPE, agent.identity() + ":" + key, hash);
    if (!claim.owned()) {
      IdempotencyRecords.Record r = claim.record();
      if (!r.requestHash().equals(hash)) {
        throw new ApiException(
            422, "idempotency_key_reused", "This Idempotency-Key was used for a different request");
      }
      if (r.state() == IdempotencyRecords.State.PENDING) {
        throw new ApiException(
            409,
            "request_in_progress",
            "A request with this Idempotency-Key is still being processed");
      }
      return Response.status(r.responseStatus())
          .type(MediaType.APPLICATION_JSON)
          .entity(r.responseBody())
          .header("Idempotent-Replayed", "true")
          .build();
    }
    Response response;
    try {
      response = execute(agent, request);
    } catch (RuntimeException e) {
      // Every failure path of the send compensates, so nothing happened and the key is free again.
      idempotency.release(SCOPE, agent.identity() + ":" + key);
      throw e;
    }
    if (response.getStatus() >= 400) {
      idempotency.release(SCOPE, agent.identity() + ":" + key);
    } else {
      idempotency.complete(
          SCOPE, agent.identity() + ":" + key, response.getStatus(), json(response.getEntity()));
    }
    return response;
  }

  private Response execute(FlexAgent agent, OutboundRequest request) {
    try {
      OutboundSender.Result result = sender.send(agent, validation.validate(request));
      return Response.status(201).type(MediaType.APPLICATION_JSON).entity(result).build();
    } catch (Refusal r) {
      return r.response();
    }
  }

  @GET
  @Path("/window")
  @AgentAuthenticated
  @Operation(
      summary = "The WhatsApp 24-hour window between a customer and one of our senders",
      security = @SecurityRequirement(name = "flexToken"))
  public Response window(@QueryParam("to") String to, @QueryParam("from") String from) {
    List<FieldError> errors = new ArrayList<>();
    String number = OutboundValidation.e164(to, errors);
    if (from == null || from.isBlank()) {
      errors.add(new FieldError("from", "from is required"));
    }
    if (!errors.isEmpty()) {
      return Refusal.invalid(errors).response();
    }
    String sender = from.startsWith("whatsapp:") ? from : "whatsapp:" + from;
    WhatsappWindows.Window w = windows.window("whatsapp:" + number, sender);
    return Response.ok(w).build();
  }

  @GET
  @Path("/sent")
  @AgentAuthenticated
  @Operation(
      summary =
          "The agent's sends waiting for the customer's reply, with their status and the first message's delivery",
      description =
          "`{sent:[{conversationSid, mode, routeTo, channel, customerAddress, customerName?, senderAddress, "
              + "messageSid, status, interactionSid?, createdAt, updatedAt, delivery:{status, errorCode, errorMessage?, updatedAt}}]}`, "
              + "newest first. `status` is WAITING, ROUTING, REPLIED, CANCELLED, CLOSED (the conversation closed before a reply) "
              + "or OPENED (an open chat). Listed: every send still waiting, the others of the last 24 hours, and open chats only "
              + "when their first message failed. `delivery.status` (sent, delivered, read, failed, undelivered) is null until "
              + "Twilio reports a receipt; `errorCode` is Twilio's (e.g. 30003, 63016).",
      security = @SecurityRequirement(name = "flexToken"))
  public Map<String, Object> sent(@Context SecurityContext security) {
    return Map.of("sent", sent.listFor(FlexAgent.of(security).identity()));
  }

  @DELETE
  @Path("/sent/{conversationSid}")
  @AgentAuthenticated
  @Operation(
      summary = "Cancel a send waiting for reply: closes its conversation unless a task holds it",
      description =
          "204 when cancelled; 404 `not_found` when no send of this agent is on that conversation; 409 "
              + "`already_replied` when it no longer waits, `open_chat` for an open chat, `conversation_busy` when a task holds the conversation.",
      security = @SecurityRequirement(name = "flexToken"))
  public Response cancel(
      @Context SecurityContext security, @PathParam("conversationSid") String conversationSid) {
    FlexAgent agent = FlexAgent.of(security);
    SentMessages.Sent s =
        sent.find(conversationSid)
            .filter(x -> x.agentIdentity().equals(agent.identity()))
            .orElseThrow(
                () ->
                    new ApiException(
                        404, "not_found", "No send of yours waits on " + conversationSid));
    if (s.status() == SentMessages.Status.OPENED) {
      throw new ApiException(
          409, "open_chat", "An open chat belongs to its task: end it from the task");
    }
    if (s.status() != SentMessages.Status.WAITING) {
      throw new ApiException(
          409,
          "already_replied",
          "The customer already replied; the conversation belongs to its task");
    }
    ExistingConversation existing = conversations.lookup().describe(conversationSid);
    if (existing.hasLiveTask()) {
      throw new ApiException(409, "conversation_busy", "A task holds this conversation");
    }
    if (!sent.transition(
        conversationSid, SentMessages.Status.WAITING, SentMessages.Status.CANCELLED, null)) {
      throw new ApiException(409, "already_replied", "The customer replied meanwhile");
    }
    conversations.close(conversationSid);
    return Response.noContent().build();
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
