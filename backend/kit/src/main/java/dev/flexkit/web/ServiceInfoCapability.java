package dev.flexkit.web;

import dev.flexkit.auth.MeResource;
import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;

/**
 * The signpost at {@code /} and {@code /me}, which tells a signed-in agent who the service thinks
 * they are.
 */
public final class ServiceInfoCapability implements Capability {
  @Override
  public void contribute(Contributions to) {
    to.resources(RootResource.class, MeResource.class);
  }
}
