package dev.flexkit.health;

import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;

/**
 * {@code /health}, {@code /health/live} and {@code /health/ready}, over every capability's checks.
 */
public final class HealthCapability implements Capability {
  @Override
  public void contribute(Contributions to) {
    to.resources(HealthResource.class);
  }
}
