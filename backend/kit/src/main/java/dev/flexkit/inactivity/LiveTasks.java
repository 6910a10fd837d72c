package dev.flexkit.inactivity;

import java.util.Optional;

/** Where the agent's task for a conversation is found when its acceptance was not seen. */
public interface LiveTasks {
  /** The task an agent is working on (assigned) for {@code conversationSid}, if any. */
  Optional<Timer.Assignment> assignedTaskOf(String conversationSid);
}
