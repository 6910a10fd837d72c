package dev.flexkit.sandbox.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.conversations.Conversations;
import dev.flexkit.sandbox.phone.CustomerPhones;
import dev.flexkit.sandbox.phone.MessagingAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** The simulated customers' phones: send as a customer, and read what a customer received. */
@Path("/sandbox/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sandbox")
public final class CustomerPhoneResource {
  private static final int MAX_BODY = 1600;

  /**
   * {@code from} is the customer, {@code to} one of our numbers; WhatsApp uses {@code whatsapp:} on
   * both.
   */
  public record CustomerMessage(String from, String to, String body) {}

  public record Sent(String conversationSid, String messageSid, boolean newConversation) {}

  public record ReceivedMessage(
      String from,
      String to,
      String body,
      @JsonInclude(JsonInclude.Include.ALWAYS) String contentSid,
      Instant dateCreated) {}

  public record Inbox(List<ReceivedMessage> messages) {}

  /** {@code errorCode}: the carrier error Twilio reports, default 30003 (unreachable handset). */
  public record Unreachable(Integer errorCode) {}

  public record Reachability(
      String address, boolean reachable, Integer errorCode, String errorMessage) {}

  private final SandboxWorld world;

  @Inject
  public CustomerPhoneResource(SandboxWorld world) {
    this.world = world;
  }

  @POST
  @Path("messages")
  @Operation(
      summary =
          "A customer texts one of our numbers; it lands in their open conversation or starts one")
  public Response send(CustomerMessage request) {
    if (request == null) {
      throw new ControlApiException(
          400, "missing_field", "from, to and body are required", "from", null);
    }
    if (request.from() == null || !MessagingAddress.isValid(request.from())) {
      throw new ControlApiException(
          400,
          "invalid_field",
          "from must be the customer's E.164 number, e.g. +15551234567 or whatsapp:+15551234567",
          "from",
          21211);
    }
    if (request.to() == null || !world.numbers().isOurs(request.to())) {
      throw new ControlApiException(
          400,
          "invalid_field",
          "to must be one of the sandbox numbers: "
              + world.numbers().sms()
              + " "
              + world.numbers().whatsapp(),
          "to",
          null);
    }
    if (!MessagingAddress.channel(request.from()).equals(MessagingAddress.channel(request.to()))) {
      throw new ControlApiException(
          400,
          "invalid_field",
          "from and to must be on the same channel: whatsapp: on both, or on neither",
          "to",
          null);
    }
    if (request.body() == null || request.body().isBlank()) {
      throw new ControlApiException(400, "missing_field", "body is required", "body", null);
    }
    if (request.body().length() > MAX_BODY) {
      throw new ControlApiException(
          400, "invalid_field", "body must be at most " + MAX_BODY + " characters", "body", null);
    }
    Conversations.Inbound inbound =
        world.conversations().receiveFromCustomer(request.from(), request.to(), request.body());
    return Response.status(201)
        .entity(
            new Sent(inbound.conversationSid(), inbound.messageSid(), inbound.newConversation()))
        .build();
  }

  @GET
  @Path("{address}/messages")
  @Operation(summary = "What this customer received from our numbers, oldest first")
  public Inbox inbox(@PathParam("address") String address) {
    List<CustomerPhones.Received> received = world.phones().inbox(address);
    return new Inbox(
        received.stream()
            .map(
                r ->
                    new ReceivedMessage(
                        r.from(), r.to(), r.body(), r.contentSid(), r.dateCreated()))
            .toList());
  }

  @POST
  @Path("{address}/unreachable")
  @Operation(
      summary =
          "This customer's handset can no longer be reached: our messages to it are accepted, then their "
              + "delivery receipt turns undelivered with errorCode (30003 by default; 30004-30008 too)")
  public Reachability unreachable(@PathParam("address") String address, Unreachable request) {
    if (!MessagingAddress.isValid(address)) {
      throw new ControlApiException(
          400,
          "invalid_field",
          "address must be the customer's E.164 number, e.g. +15551234567 or whatsapp:+15551234567",
          "address",
          21211);
    }
    int code = request == null || request.errorCode() == null ? 30003 : request.errorCode();
    if (!CustomerPhones.UNREACHABLE_ERRORS.containsKey(code)) {
      throw new ControlApiException(
          400,
          "invalid_field",
          "errorCode must be one of "
              + new java.util.TreeSet<>(CustomerPhones.UNREACHABLE_ERRORS.keySet()),
          "errorCode",
          null);
    }
    world.phones().makeUnreachable(address, code);
    return new Reachability(address, false, code, CustomerPhones.UNREACHABLE_ERRORS.get(code));
  }

  @DELETE
  @Path("{address}/unreachable")
  @Operation(summary = "This customer's handset receives our messages again")
  public Response reachable(@PathParam("address") String address) {
    world.phones().makeReachable(address);
    return Response.noContent().build();
  }
}
