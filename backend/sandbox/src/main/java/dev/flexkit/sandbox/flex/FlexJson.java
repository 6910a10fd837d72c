package dev.flexkit.sandbox.flex;

import dev.flexkit.sandbox.wire.TwilioUrls;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flex v1 Interactions resources in Twilio's JSON shape. */
final class FlexJson {
  private FlexJson() {}

  static String url(String path) {
    return TwilioUrls.url("flex-api", "/v1" + path);
  }

  static Map<String, Object> interaction(Interaction i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sid", i.sid());
    // Flex echoes only the channel's type and sid, never the request's participants/properties.
    m.put("channel", Map.of("type", i.channelType(), "sid", i.channelSid()));
    m.put("routing", i.routing());
    m.put("url", url("/Interactions/" + i.sid()));
    m.put("links", Map.of("channels", url("/Interactions/" + i.sid() + "/Channels")));
    m.put("interaction_context_sid", i.interactionContextSid());
    m.put("webhook_ttid", i.webhookTtid());
    return m;
  }

  static Map<String, Object> channel(InteractionChannel c) {
    String self = "/Interactions/" + c.interactionSid + "/Channels/" + c.sid;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sid", c.sid);
    m.put("interaction_sid", c.interactionSid);
    m.put("type", c.type);
    m.put("status", c.status);
    m.put("error_code", c.errorCode);
    m.put("error_message", c.errorMessage);
    m.put("url", url(self));
    m.put(
        "links",
        Map.of(
            "participants",
            url(self + "/Participants"),
            "invites",
            url(self + "/Invites"),
            "transfers",
            url(self + "/Transfers")));
    return m;
  }

  static Map<String, Object> participant(InteractionChannel c, InteractionChannel.Participant p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sid", p.sid());
    m.put("type", p.type());
    m.put("interaction_sid", c.interactionSid);
    m.put("channel_sid", c.sid);
    m.put(
        "url",
        url(
            "/Interactions/"
                + c.interactionSid
                + "/Channels/"
                + c.sid
                + "/Participants/"
                + p.sid()));
    m.put("routing_properties", p.routingProperties());
    return m;
  }

  static Map<String, Object> invite(InteractionChannel c, InteractionChannel.Invite i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sid", i.sid());
    m.put("interaction_sid", c.interactionSid);
    m.put("channel_sid", c.sid);
    m.put("routing", i.routing());
    m.put(
        "url",
        url("/Interactions/" + c.interactionSid + "/Channels/" + c.sid + "/Invites/" + i.sid()));
    return m;
  }

  /** {@code routing} of an interaction or invite: the reservation is never known yet. */
  static Map<String, Object> routing(Map<String, Object> taskSnapshot) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reservation", null);
    m.put("properties", taskSnapshot);
    return m;
  }
}
