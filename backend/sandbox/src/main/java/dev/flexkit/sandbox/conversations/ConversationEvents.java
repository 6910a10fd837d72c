package dev.flexkit.sandbox.conversations;

/** In-process notifications for other emulated products; webhooks are sent separately. */
public interface ConversationEvents {
  /** {@code fromCustomer} is true when the author is an SMS/WhatsApp binding. */
  default void messageAdded(
      String conversationSid, String messageSid, String author, boolean fromCustomer) {}

  default void stateChanged(String conversationSid, String from, String to, String reason) {}
}
