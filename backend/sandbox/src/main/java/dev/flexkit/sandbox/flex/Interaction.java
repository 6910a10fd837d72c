package dev.flexkit.sandbox.flex;

import java.util.Map;

/** A Flex interaction (KD) as created: one channel, and the routing Flex answered with. */
record Interaction(
    String sid,
    String channelSid,
    String channelType,
    Map<String, Object> routing,
    String interactionContextSid,
    String webhookTtid) {}
