package dev.flexkit.health;

import java.util.List;

/** The registered checks, in the order /health reports them. */
public record HealthChecks(List<HealthCheck> all) {
  public HealthChecks {
    all = List.copyOf(all);
  }
}
