package dev.flexkit.sandbox.junit;

import dev.flexkit.sandbox.SandboxClock;
import dev.flexkit.sandbox.SandboxServer;
import dev.flexkit.sandbox.SandboxWorld;
import dev.flexkit.sandbox.conversations.Conversations;
import dev.flexkit.sandbox.phone.CustomerPhones;
import dev.flexkit.sandbox.taskrouter.TaskRouter;
import dev.flexkit.sandbox.traffic.CallLog;
import dev.flexkit.sandbox.traffic.Faults;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A running Twilio sandbox, as a test sees it: where to point a Twilio client, the account to
 * authenticate as, and the world around it (time, faults, the call log, customers' phones, agents).
 */
public final class TwilioSandbox {
  private final SandboxServer server;

  TwilioSandbox(SandboxServer server) {
    this.server = server;
  }

  /**
   * Point a Twilio client here instead of {@code https://{product}.twilio.com}; paths stay
   * Twilio's.
   */
  public URI twilioBaseUrl() {
    return server.twilioBaseUrl();
  }

  /** The sandbox's own control API ({@code /sandbox/api}), documented in docs/sandbox.md. */
  public URI controlUrl() {
    return server.url().resolve("/sandbox/api");
  }

  public String accountSid() {
    return world().account().accountSid();
  }

  /** Authenticates requests and signs the webhooks the sandbox sends. */
  public String authToken() {
    return world().account().authToken();
  }

  /** The sandbox's time: conversation timers, reservation timeouts and token expiry follow it. */
  public SandboxClock clock() {
    return world().clock();
  }

  public Instant advance(Duration by) {
    return clock().advance(by);
  }

  public Faults faults() {
    return world().faults();
  }

  /** Every Twilio request the sandbox answered, oldest first. */
  public List<CallLog.Call> calls() {
    return world().calls().all();
  }

  public CustomerPhones customers() {
    return world().phones();
  }

  /** A customer writes to one of the sandbox's numbers, as if from their phone. */
  public Conversations.Inbound customerSends(String from, String to, String body) {
    return world().conversations().receiveFromCustomer(from, to, body);
  }

  /** Workspace, workflows, queues and agents (workers), seeded like a fresh Flex account. */
  public TaskRouter taskRouter() {
    return world().taskRouter();
  }

  public List<String> smsNumbers() {
    return world().numbers().sms();
  }

  public List<String> whatsappNumbers() {
    return world().numbers().whatsapp();
  }

  /** Everything else; the parts above cover what most tests need. */
  public SandboxWorld world() {
    return server.world();
  }
}
