package dev.flexkit.sandbox.taskrouter;

import java.time.Instant;

/** A kind of work (voice, chat, sms, whatsapp…); workers have a capacity per task channel. */
public record TaskChannel(
    String sid, String uniqueName, String friendlyName, Instant dateCreated) {}
