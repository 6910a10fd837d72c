package dev.flexkit.inactivity;

/** The two side effects of a timer, behind an interface so the scheduler can be tested alone. */
public interface InactivityActions {
  void warn(Timer timer, InactivitySettings settings);

  /** Moves the agent's task to wrap-up; true once done (or nothing is left to wrap up). */
  boolean wrapUp(Timer timer);
}
