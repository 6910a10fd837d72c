package dev.flexkit.sandbox;

import dev.flexkit.sandbox.traffic.CallLog;
import dev.flexkit.sandbox.traffic.Faults;
import dev.flexkit.sandbox.webhooks.WebhookDispatcher;

/**
 * Everything the sandbox simulates, wired once: Twilio's products and the people and forces
 * around them (customers' phones, agents' availability, the network, the clock).
 */
public final class SandboxWorld implements AutoCloseable {
  private final SandboxAccount account;
  private final SandboxClock clock;
  private final CallLog calls = new CallLog();
  private final Faults faults = new Faults();
  private final WebhookDispatcher webhooks;

  SandboxWorld(SandboxAccount account, SandboxClock clock) {
    this.account = account;
    this.clock = clock;
    this.webhooks = new WebhookDispatcher(account, clock);
  }

  public SandboxAccount account() {
    return account;
  }

  public SandboxClock clock() {
    return clock;
  }

  public CallLog calls() {
    return calls;
  }

  public Faults faults() {
    return faults;
  }

  public WebhookDispatcher webhooks() {
    return webhooks;
  }

  @Override
  public void close() {
    webhooks.close();
  }
}
