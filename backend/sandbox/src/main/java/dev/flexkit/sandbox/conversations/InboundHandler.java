package dev.flexkit.sandbox.conversations;

/**
 * A number's inbound handling (Twilio's address configuration): called after the sandbox has
 * created a new conversation for a customer message that no open conversation held, and added the
 * message to it. Flex's integration creates an inbound interaction (and so a task) here.
 */
public interface InboundHandler {
  void newInboundConversation(
      String conversationSid, String channelType, String customerAddress, String proxyAddress);
}
