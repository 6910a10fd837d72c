package dev.flexkit.twilio;

import java.time.Instant;
import java.util.List;

/** Twilio IAM's answer about a Flex token. When {@code valid}, the agent fields are set. */
public record IamVerdict(
    boolean valid,
    int code,
    String message,
    String identity,
    String realmUserId,
    List<String> roles,
    String workerSid,
    Instant expiration) {}
