package dev.flexkit.outbound;

/**
 * A validated back-office task request (seed 001's fields), addresses in Twilio's form. {@code
 * initialMessage}, {@code sourceChatChannelSid} and {@code targetWorkerSid} may be null.
 */
public record BackOfficeTask(
    OutboundSend.Channel channel,
    String customerAddress,
    String senderAddress,
    String customerName,
    String initialMessage,
    String sourceChatChannelSid,
    String targetWorkerSid) {}
