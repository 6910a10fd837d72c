package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.phone.MessagingAddress;
import java.time.Instant;

/**
 * A conversation member: either a chat identity (an agent, a web user) or an SMS/WhatsApp customer
 * reached at {@code address} through our {@code proxyAddress}.
 */
public record Participant(
    String sid,
    String conversationSid,
    String identity,
    String address,
    String proxyAddress,
    String attributes,
    String roleSid,
    Instant dateCreated,
    Instant dateUpdated,
    Integer lastReadMessageIndex,
    String lastReadTimestamp) {
  public boolean isCustomer() {
    return address != null;
  }

  /** {@code sms} or {@code whatsapp}; null for chat identities. */
  public String bindingType() {
    return address == null ? null : MessagingAddress.channel(address);
  }

  /** The author name Conversations writes on this participant's messages. */
  public String authorName() {
    return isCustomer() ? address : identity;
  }

  Participant updated(
      String newAttributes,
      String newRoleSid,
      Integer newLastReadIndex,
      String newLastReadTimestamp,
      String newProxyAddress,
      Instant at) {
    return new Participant(
        sid,
        conversationSid,
        identity,
        address,
        newProxyAddress,
        newAttributes,
        newRoleSid,
        dateCreated,
        at,
        newLastReadIndex,
        newLastReadTimestamp);
  }
}
