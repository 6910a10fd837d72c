package dev.flexkit.sandbox.iam;

import dev.flexkit.sandbox.taskrouter.WorkerDirectory;
import java.util.List;
import java.util.Optional;

/** Two seeded agents, standing in for TaskRouter's worker directory. */
public final class FakeWorkers implements WorkerDirectory {
  public static final Agent ALICE =
      new Agent(
          "WK" + "a1".repeat(16), "alice_40example_2Ecom", "alice@example.com", List.of("agent"));
  public static final Agent SUPERVISOR =
      new Agent(
          "WK" + "b2".repeat(16),
          "sam_40example_2Ecom",
          "sam@example.com",
          List.of("agent", "supervisor"));

  @Override
  public Optional<Agent> byIdentity(String identity) {
    return all().stream().filter(a -> a.identity().equals(identity)).findFirst();
  }

  @Override
  public List<Agent> all() {
    return List.of(ALICE, SUPERVISOR);
  }
}
