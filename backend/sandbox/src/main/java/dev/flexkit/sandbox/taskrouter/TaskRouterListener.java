package dev.flexkit.sandbox.taskrouter;

/**
 * In-process notifications for other emulated products (Flex Interactions). Always called after
 * TaskRouter has released its lock, so a listener may call back into TaskRouter or other products.
 */
public interface TaskRouterListener {
  default void reservationAccepted(String taskSid, String reservationSid, String workerSid) {}

  /** The task reached {@code wrapping}, {@code completed} or {@code canceled}. */
  default void taskStatusChanged(String taskSid, String status) {}
}
