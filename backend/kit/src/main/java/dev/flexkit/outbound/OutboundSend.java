package dev.flexkit.outbound;

import java.util.Map;

/** A validated send: addresses in Twilio's form ({@code +E.164} or {@code whatsapp:+E.164}). */
public record OutboundSend(
    Channel channel,
    String customerAddress,
    String senderAddress,
    String body,
    String contentSid,
    Map<String, String> contentVariables,
    Mode mode,
    RouteTo routeTo,
    String customerName,
    OnExisting onExisting) {

  public enum Channel {
    SMS,
    WHATSAPP;

    public String wire() {
      return name().toLowerCase();
    }
  }

  public enum Mode {
    OPEN_CHAT,
    WAIT_FOR_REPLY
  }

  public enum RouteTo {
    ME,
    ANY
  }

  public enum OnExisting {
    FAIL,
    REUSE,
    CLOSE
  }

  public boolean freeText() {
    return contentSid == null;
  }

  public OutboundSend withOnExisting(OnExisting value) {
    return new OutboundSend(
        channel,
        customerAddress,
        senderAddress,
        body,
        contentSid,
        contentVariables,
        mode,
        routeTo,
        customerName,
        value);
  }
}
