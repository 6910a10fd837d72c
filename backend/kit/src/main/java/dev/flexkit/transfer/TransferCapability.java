package dev.flexkit.transfer;

import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;
import dev.flexkit.capability.KitServices;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Transfers to an agent, a queue or a workflow: the endpoints, and TaskRouter events for their
 * outcome.
 */
public final class TransferCapability implements Capability {
  /**
   * The start's independent reads run side by side; the gateway still bounds what is in flight to
   * Twilio.
   */
  private final ExecutorService reads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "transfer-read");
            t.setDaemon(true);
            return t;
          });

  private final TransferDirectory directory;
  private final TransferStart starts;
  private final TransferLifecycle lifecycle;
  private final AgentTransferActions actions;
  private final KitServices kit;
  private final TransferRouting routing;
  private final Optional<String> agentQueueSid;

  /** {@code agentQueueSid}: a queue every agent is in, for invites to an agent. */
  public TransferCapability(KitServices kit, Optional<String> agentQueueSid) {
    this.kit = kit;
    this.agentQueueSid = agentQueueSid.filter(q -> !q.isBlank());
    this.routing =
        new TransferRouting(
            this.agentQueueSid, kit.flex().workflowSid(), kit.flex().transferWorkflowSid());
    InteractionSteps steps =
        new TwilioInteractionSteps(kit.twilio(), kit.flex().workspaceSid().orElse(null));
    PendingTransfers store = new PendingTransfers(kit.database(), kit.clock());
    this.lifecycle = new TransferLifecycle(steps, store, routing);
    this.directory = new TransferDirectory(steps);
    this.starts = new TransferStart(steps, store, lifecycle, routing, kit.clock(), reads);
    this.actions = new AgentTransferActions(steps, store, lifecycle);
  }

  @Override
  public void contribute(Contributions to) {
    to.resources(TransferResource.class, ReferenceTransferResource.class)
        .bind(directory, TransferDirectory.class)
        .bind(starts, TransferStart.class)
        .bind(actions, AgentTransferActions.class)
        .onTaskRouterEvent(lifecycle::onTaskRouterEvent)
        .onStopped(reads::shutdown);
    // Until provisioning does it, an account set up at start gets the transfer workflow here.
    if (routing.transferWorkflowSid().isEmpty()
        && kit.flex().registerWebhooks()
        && kit.flex().workspaceSid().isPresent()
        && agentQueueSid.isPresent()) {
      to.startupStep(
          "transferWorkflow",
          "making the transfer workflow",
          started ->
              routing.useTransferWorkflow(
                  TransferWorkflow.ensure(
                      kit.twilio(), kit.flex().workspaceSid().get(), agentQueueSid.get(), reads)),
          "transfers route through '" + TransferWorkflow.FRIENDLY_NAME + "'");
    }
  }
}
