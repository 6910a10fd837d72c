package dev.flexkit.sandbox;

import dev.flexkit.http.ServletMount;
import dev.flexkit.sandbox.control.ControlApiExceptionMapper;
import dev.flexkit.sandbox.control.CustomerPhoneResource;
import dev.flexkit.sandbox.control.SandboxControlResource;
import dev.flexkit.sandbox.control.WorkerControlResource;
import dev.flexkit.sandbox.fidelity.SandboxFidelityResource;
import dev.flexkit.sandbox.fidelity.SpecConformance;
import dev.flexkit.sandbox.fidelity.SpecConformanceFilter;
import dev.flexkit.sandbox.iam.SandboxTokensResource;
import dev.flexkit.sandbox.traffic.TwilioTrafficFilter;
import jakarta.servlet.Filter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
    SandboxWorld world =
        new SandboxWorld(SandboxAccount.create(authTokenOrNull), new SandboxClock(realTime));
    return new SandboxModule(world);
  }

  /**
   * Checks every emulator answer against Twilio's OpenAPI specs in {@code specDir}, keeping the
   * violations (and appending them to {@code reportOrNull}). Call before {@link #twilioEmulator()}.
   */
  public SandboxModule checkingAnswersAgainst(Path specDir, Path reportOrNull) {
    world.checkAnswersWith(SpecConformance.against(specDir, reportOrNull));
    return this;
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
    return Set.of(
        SandboxDesktopResource.class,
        SandboxControlResource.class,
        CustomerPhoneResource.class,
        SandboxTokensResource.class,
        SandboxFidelityResource.class,
        WorkerControlResource.class,
        ControlApiExceptionMapper.class);
  }

  /** The Twilio emulator at {@code /twilio/*}, behind faults, authentication and the call log. */
  public ServletMount twilioEmulator() {
    List<Filter> filters = new ArrayList<>();
    // Outermost, so that faults and 401s are checked for Twilio's error shape too.
    world.specConformance().ifPresent(c -> filters.add(new SpecConformanceFilter(c)));
    filters.add(
        new TwilioTrafficFilter(world.account(), world.faults(), world.calls(), world.clock()));
    return new ServletMount(
        "twilio-emulator",
        "/twilio/*",
        new ServletContainer(TwilioEmulatorApplication.create(world)),
        List.copyOf(filters));
  }
}
