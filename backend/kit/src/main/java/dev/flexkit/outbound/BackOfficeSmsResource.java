package dev.flexkit.outbound;

import dev.flexkit.auth.BackOfficeAuthenticated;
import dev.flexkit.auth.FlexAgent;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Drop-in for function-flex-outbound-sms (seeds 001/002): a CRM or another system starts an SMS
 * conversation with the same fields, now behind an API key. Built on Conversations and Flex
 * Interactions instead of Chat, Proxy and Flex Flows.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "outbound")
@BackOfficeAuthenticated
public final class BackOfficeSmsResource {
  /**
   * Back-office messages are the system's, as in the seed; the store keeps them under this sender.
   */
  static final FlexAgent SYSTEM = new FlexAgent(BackOfficeTasks.AUTHOR, "", List.of(), null, null);

  @Schema(name = "InitiateOutboundSmsTaskRequest")
  public record TaskFields(
      @Schema(
              description =
                  "Our number, one of the configured senders (whatsapp:+E.164 for WhatsApp)",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String fromNumber,
      @Schema(
              description = "The customer's name, shown on the task",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String toName,
      @Schema(
              description = "The customer's number, +E.164",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String toNumber,
      @Schema(description = "A conversation this one continues (CH…), copied to the task")
          String sourceChatChannelSid,
      @Schema(description = "Reserve this worker (WK…); without it the workflow routes the task")
          String targetWorkerSid,
      @Schema(description = "A first message to the customer, authored by system")
          String initialNotificationMessage) {}

  @Schema(name = "InitiateOutboundSmsRequest")
  public record NotificationFields(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String fromNumber,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String toName,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String toNumber,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String messageBody) {}

  @Schema(name = "InitiateOutboundSmsResponse")
  public record NotificationResult(String conversationSid, String messageSid, boolean reused) {}

  private final BackOfficeValidation validation;
  private final BackOfficeTasks tasks;
  private final OutboundSender sender;

  @Inject
  public BackOfficeSmsResource(
      OutboundValidation validation, BackOfficeTasks tasks, OutboundSender sender) {
    this.validation = new BackOfficeValidation(validation);
    this.tasks = tasks;
    this.sender = sender;
  }

  @POST
  @Path("flex-initiate-outbound-sms-task")
  @Operation(
      operationId = "flexInitiateOutboundSmsTask",
      summary =
          "Seed 001's flex-initiate-outbound-sms-task: a conversation and its task (autoAnswer), "
              + "for targetWorkerSid or the workflow; form or JSON",
      security = @SecurityRequirement(name = "backofficeApiKey"),
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "Created",
              content = @Content(schema = @Schema(implementation = BackOfficeTasks.Result.class))))
  public Response task(
      @Context HttpHeaders headers,
      @RequestBody(
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TaskFields.class)),
                @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = TaskFields.class))
              })
          String body) {
    try {
      return Response.ok(
              tasks.create(validation.task(DropInFields.parse(headers.getMediaType(), body))))
          .build();
    } catch (Refusal r) {
      return r.response();
    }
  }

  @POST
  @Path("flex-initiate-outbound-sms")
  @Operation(
      operationId = "flexInitiateOutboundSms",
      summary =
          "Seed 002's flex-initiate-outbound-sms: fire and forget; the customer's reply becomes a task "
              + "for any agent, as a new message to the number would; form or JSON",
      security = @SecurityRequirement(name = "backofficeApiKey"),
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "Sent",
              content = @Content(schema = @Schema(implementation = NotificationResult.class))))
  public Response notification(
      @Context HttpHeaders headers,
      @RequestBody(
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationFields.class)),
                @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = NotificationFields.class))
              })
          String body) {
    try {
      OutboundSender.Result sent =
          sender.send(
              SYSTEM, validation.notification(DropInFields.parse(headers.getMediaType(), body)));
      return Response.ok(
              new NotificationResult(sent.conversationSid(), sent.messageSid(), sent.reused()))
          .build();
    } catch (Refusal r) {
      return r.response();
    }
  }
}
