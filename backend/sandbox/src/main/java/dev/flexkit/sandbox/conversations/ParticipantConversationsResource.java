package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.wire.Paging;
import dev.flexkit.sandbox.wire.TwilioException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * {@code /v1/ParticipantConversations}: every conversation a customer address or a chat identity is
 * in.
 */
@Path("/conversations/v1/ParticipantConversations")
@Produces(MediaType.APPLICATION_JSON)
public final class ParticipantConversationsResource {
  private final Conversations conversations;
  private final ConversationsWire wire;

  public ParticipantConversationsResource(Conversations conversations, SandboxAccount account) {
    this.conversations = conversations;
    this.wire = new ConversationsWire(account);
  }

  @GET
  public Map<String, Object> list(@Context UriInfo uri) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    String address = blankToNull(query.getFirst("Address"));
    String identity = blankToNull(query.getFirst("Identity"));
    if (address == null && identity == null) {
      throw new TwilioException(400, 20001, "Either Identity or Address must be specified");
    }
    return Paging.page(
        conversations.memberships(address, identity),
        wire::membership,
        "conversations",
        ConversationsWire.PRODUCT,
        "/v1/ParticipantConversations",
        query);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
