package dev.flexkit.inactivity;

import dev.flexkit.health.HealthCheck;

/** Reports a broken inactivity configuration without making the service unready: defaults apply. */
public final class InactivityHealthCheck implements HealthCheck {
  private final InactivityConfig config;

  public InactivityHealthCheck(InactivityConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "inactivityConfig";
  }

  @Override
  public Result check() {
    var problems = config.problems();
    return problems.isEmpty()
        ? Result.healthy("ok")
        : Result.healthy("defaults in use where invalid: " + String.join("; ", problems));
  }
}
