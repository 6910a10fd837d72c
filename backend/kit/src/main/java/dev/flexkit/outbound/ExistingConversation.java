package dev.flexkit.outbound;

import java.util.Optional;
import java.util.Set;

/**
 * A conversation already holding the customer + sender pair: who has it and how far its task got.
 */
public record ExistingConversation(
    String conversationSid, Optional<String> ownerIdentity, Optional<String> taskStatus) {
  private static final Set<String> LIVE = Set.of("pending", "reserved", "assigned");

  /** A task someone is (or is about to be) working; closing under it would cut an agent off. */
  public boolean hasLiveTask() {
    return taskStatus.map(LIVE::contains).orElse(false);
  }
}
