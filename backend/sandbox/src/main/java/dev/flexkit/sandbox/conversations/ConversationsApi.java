package dev.flexkit.sandbox.conversations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the other emulated products (Flex Interactions above all) may do to Conversations inside the
 * sandbox, the way Twilio's own services do it behind the public API.
 */
public interface ConversationsApi {
  /** An SMS or WhatsApp customer: {@code whatsapp:}-prefixed addresses for WhatsApp. */
  record CustomerBinding(String address, String proxyAddress) {}

  /** Creates an active conversation holding these customers; 50416 when a binding is taken. */
  String createConversation(
      String friendlyName, Map<String, Object> attributes, List<CustomerBinding> customers);

  /** Adds an SMS/WhatsApp customer as Twilio would; 50416 when the binding is taken (R9). */
  void addCustomer(String conversationSid, CustomerBinding customer);

  /** {@code active|inactive|closed}, or empty for an unknown sid. */
  Optional<String> state(String conversationSid);

  /** Moves the conversation to {@code active|inactive|closed}, firing state webhooks. */
  void setState(String conversationSid, String state, String reason);

  /** Adds the agent's chat identity with the agent role; no-op when already there. */
  void addAgent(String conversationSid, String identity);

  /** Removes the agent's chat identity; no-op when absent. */
  void removeAgent(String conversationSid, String identity);

  /** Chat identities (agents) currently in the conversation. */
  List<String> identities(String conversationSid);

  /** SMS/WhatsApp customers currently in the conversation. */
  List<CustomerBinding> customers(String conversationSid);

  void addListener(ConversationEvents listener);

  /** Set by Flex: what a number does with an inbound message no open conversation holds. */
  void setInboundHandler(InboundHandler handler);
}
