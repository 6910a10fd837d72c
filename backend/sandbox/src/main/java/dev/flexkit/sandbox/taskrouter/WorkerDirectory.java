package dev.flexkit.sandbox.taskrouter;

import java.util.List;
import java.util.Optional;

/** The seeded workers as IAM and the control API need them. */
public interface WorkerDirectory {
  record Agent(String workerSid, String identity, String friendlyName, List<String> roles) {}

  /** The agent whose Flex identity (e.g. {@code alice_40example_2Ecom}) is given. */
  Optional<Agent> byIdentity(String identity);

  List<Agent> all();
}
