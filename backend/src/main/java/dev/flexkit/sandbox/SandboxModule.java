package dev.flexkit.sandbox;

import java.util.Set;

/** Everything sandbox mode adds to the service. Live mode never mounts any of it. */
public final class SandboxModule {
  private SandboxModule() {}

  public static Set<Class<?>> resources() {
    return Set.of(SandboxDesktopResource.class, TwilioEmulatorPlaceholder.class);
  }
}
