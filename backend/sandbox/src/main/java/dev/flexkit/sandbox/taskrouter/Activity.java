package dev.flexkit.sandbox.taskrouter;

import java.time.Instant;

/**
 * A worker state such as Available or Offline; only {@code available} ones receive reservations.
 */
public record Activity(String sid, String friendlyName, boolean available, Instant dateCreated) {}
