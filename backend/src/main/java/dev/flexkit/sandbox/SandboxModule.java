package dev.flexkit.sandbox;

import dev.flexkit.sandbox.control.SandboxControlResource;
import dev.flexkit.sandbox.control.WorkerControlResource;
import dev.flexkit.sandbox.traffic.TwilioTrafficFilter;
import dev.flexkit.web.ServletMount;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.servlet.ServletContainer;

/** Everything sandbox mode adds to the service. Live mode never mounts any of it. */
public final class SandboxModule {
  private final SandboxWorld world;

  private SandboxModule(SandboxWorld world) {
    this.world = world;
  }

  public static SandboxModule create(Clock realTime, String authTokenOrNull) {
    SandboxWorld world = new SandboxWorld(SandboxAccount.create(authTokenOrNull), new SandboxClock(realTime));
    return new SandboxModule(world);
  }

  public SandboxWorld world() {
    return world;
  }

  /** The clock product code must use in sandbox mode, so tests can move time for both sides. */
  public SandboxClock clock() {
    return world.clock();
  }

  /** Resources for the main application: the agent desktop and the sandbox control API. */
  public Set<Class<?>> resources() {
    return Set.of(SandboxDesktopResource.class, SandboxControlResource.class, WorkerControlResource.class);
  }

  /** The Twilio emulator at {@code /twilio/*}, behind faults, authentication and the call log. */
  public ServletMount twilioEmulator() {
    return new ServletMount("twilio-emulator", "/twilio/*",
        new ServletContainer(TwilioEmulatorApplication.create(world)),
        List.of(new TwilioTrafficFilter(world.account(), world.faults(), world.calls(), world.clock())));
  }
}
