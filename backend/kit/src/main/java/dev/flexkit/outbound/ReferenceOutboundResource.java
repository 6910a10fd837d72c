package dev.flexkit.outbound;

import dev.flexkit.auth.AgentAuthenticated;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.auth.FlexTokenValidator;
import dev.flexkit.outbound.Refusal.FieldError;
import dev.flexkit.store.StoreException;
import dev.flexkit.templates.ContentTemplates;
import dev.flexkit.web.ApiError;
import dev.flexkit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drop-in for plugin-outbound-cbm's Twilio Functions (seed 000), with its field names, so its
 * plugin (or any caller of it) only needs our URL. The agent is the one the Flex {@code Token}
 * names: the client's {@code WorkerSid} and {@code WorkerFriendlyName} are ignored. Every answer of
 * {@code sendOutboundMessage} is JSON in the seed's shape, errors included, because its client
 * reads {@code errorMessage} from whatever comes back.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "outbound")
public final class ReferenceOutboundResource {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceOutboundResource.class);
  private static final Map<String, String> SEED_NAMES =
      Map.of(
          "to",
          "To",
          "channel",
          "To",
          "from",
          "From",
          "body",
          "Body",
          "contentSid",
          "ContentTemplateSid");
  private static final Pattern OUR_NAMES = Pattern.compile("\\b(to|from|body|contentSid)\\b");

  @Schema(
      name = "SendOutboundMessageRequest",
      description =
          "Seed 000's fields; WorkerSid, WorkerFriendlyName, "
              + "WorkspaceSid, WorkflowSid, QueueSid and InboundStudioFlow may be sent and are ignored")
  public record SendOutboundMessageFields(
      @Schema(
              description = "The customer: +E.164, or whatsapp:+E.164 for WhatsApp",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String To,
      @Schema(description = "One of the configured senders; default the first for the channel")
          String From,
      @Schema(description = "Free text; exclusive with ContentTemplateSid") String Body,
      @Schema(description = "An approved Content template (HX…); exclusive with Body")
          String ContentTemplateSid,
      @Schema(
              description =
                  "true: open a chat task for the agent now; otherwise wait for the customer's reply")
          String OpenChatFlag,
      @Schema(description = "true: the reply goes to this agent; otherwise to anyone")
          String KnownAgentRoutingFlag,
      @Schema(description = "The agent's Flex token (or send Authorization: Bearer)")
          String Token) {}

  @Schema(name = "SendOutboundMessageResponse")
  public record SendOutboundMessageReply(
      boolean success,
      String conversationSid,
      String interactionSid,
      String messageSid,
      String errorMessage,
      String code,
      List<FieldError> errors) {}

  private final OutboundSender sender;
  private final OutboundValidation validation;
  private final FlexTokenValidator tokens;
  private final ContentTemplates content;

  @Inject
  public ReferenceOutboundResource(
      OutboundSender sender,
      OutboundValidation validation,
      FlexTokenValidator tokens,
      ContentTemplates content) {
    this.sender = sender;
    this.validation = validation;
    this.tokens = tokens;
    this.content = content;
  }

  @POST
  @Path("sendOutboundMessage")
  @Operation(
      summary =
          "Seed 000's sendOutboundMessage: open a chat, or send and wait for the reply (form or JSON)",
      security = @SecurityRequirement(name = "flexToken"),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Sent",
            content = @Content(schema = @Schema(implementation = SendOutboundMessageReply.class))),
        @ApiResponse(
            responseCode = "400",
            description = "Every faulty field, in errors",
            content = @Content(schema = @Schema(implementation = SendOutboundMessageReply.class))),
        @ApiResponse(
            responseCode = "401",
            description = "Missing or refused Token",
            content = @Content(schema = @Schema(implementation = SendOutboundMessageReply.class))),
        @ApiResponse(
            responseCode = "409",
            description = "A live task holds this customer and sender",
            content = @Content(schema = @Schema(implementation = SendOutboundMessageReply.class))),
        @ApiResponse(
            responseCode = "422",
            description = "WhatsApp free text outside the 24-hour window",
            content = @Content(schema = @Schema(implementation = SendOutboundMessageReply.class)))
      })
  public Response sendOutboundMessage(
      @Context HttpHeaders headers,
      @QueryParam("Token") String queryToken,
      @RequestBody(
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = SendOutboundMessageFields.class)),
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SendOutboundMessageFields.class))
              })
          String body) {
    try {
      DropInFields fields = DropInFields.parse(headers.getMediaType(), body);
      FlexAgent agent = tokens.validate(token(headers, fields, queryToken));
      OutboundSender.Result sent = sender.send(agent, validate(fields));
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("success", true);
      reply.put("conversationSid", sent.conversationSid());
      if (sent.interactionSid() != null) {
        reply.put("interactionSid", sent.interactionSid());
      }
      reply.put("messageSid", sent.messageSid());
      return Response.ok(reply).build();
    } catch (Refusal r) {
      return failure(r.status(), r.error());
    } catch (ApiException e) {
      ApiError.Body error = e.toError().error();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("code", error.code());
      details.put("message", error.message());
      details.put("twilioCode", error.twilioCode());
      return failure(e.status(), details);
    } catch (RuntimeException e) {
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("sendOutboundMessage failed [ref {}]", reference, e);
      boolean store = e instanceof StoreException;
      return failure(
          store ? 503 : 500,
          Map.of(
              "code",
              store ? "store_unavailable" : "internal_error",
              "message",
              (store ? "The database is unavailable; retry shortly" : "Internal error")
                  + " (ref "
                  + reference
                  + ")"));
    }
  }

  @POST
  @Path("getContentTemplates")
  @AgentAuthenticated
  @Operation(
      operationId = "getContentTemplates",
      summary =
          "Seed 000's getContentTemplates: the approved WhatsApp Content templates, with their variables",
      security = @SecurityRequirement(name = "flexToken"))
  public Map<String, List<ContentTemplates.Template>> contentTemplates() {
    return Map.of("templates", content.approvedForWhatsapp());
  }

  private static String token(HttpHeaders headers, DropInFields fields, String queryToken) {
    String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    return fields.optional("Token").orElse(queryToken);
  }

  /**
   * The seed's fields as our send; faults are reported under the seed's field names, all at once.
   */
  private OutboundSend validate(DropInFields fields) {
    List<FieldError> flagErrors = new ArrayList<>();
    boolean openChat = fields.flag("OpenChatFlag", flagErrors);
    boolean toMe = fields.flag("KnownAgentRoutingFlag", flagErrors);
    // The seed reused a conversation that had no task and refused one that had; reuse does both.
    OutboundRequest request =
        new OutboundRequest(
            fields.get("To"),
            null,
            fields.get("From"),
            fields.get("Body"),
            fields.get("ContentTemplateSid"),
            null,
            openChat ? "open-chat" : "wait-for-reply",
            toMe ? "me" : "any",
            null,
            "reuse");
    try {
      OutboundSend send = validation.validate(request);
      if (!flagErrors.isEmpty()) {
        throw Refusal.invalid(flagErrors);
      }
      return send;
    } catch (Refusal r) {
      if (r.status() != 400 || r.fieldErrors().isEmpty()) {
        throw r;
      }
      List<FieldError> all =
          new ArrayList<>(
              r.fieldErrors().stream().map(ReferenceOutboundResource::inSeedNames).toList());
      all.addAll(flagErrors);
      throw Refusal.invalid(all);
    }
  }

  private static FieldError inSeedNames(FieldError e) {
    Matcher m = OUR_NAMES.matcher(e.message());
    String message = m.replaceAll(r -> SEED_NAMES.get(r.group(1)));
    return new FieldError(SEED_NAMES.getOrDefault(e.field(), e.field()), message);
  }

  private static Response failure(int status, Map<String, Object> error) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("success", false);
    Object errors = error.get("errors");
    reply.put(
        "errorMessage",
        errors instanceof List<?> list && !list.isEmpty()
            ? list.stream()
                .map(x -> ((FieldError) x).field() + ": " + ((FieldError) x).message())
                .collect(Collectors.joining("; "))
            : error.get("message"));
    error.forEach(
        (k, v) -> {
          if (!k.equals("message") && v != null) {
            reply.put(k, v);
          }
        });
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(reply).build();
  }
}
