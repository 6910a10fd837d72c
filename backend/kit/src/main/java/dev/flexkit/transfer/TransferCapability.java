package dev.flexkit.transfer;

import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;
import dev.flexkit.capability.KitServices;

/** Transfers to an agent, a queue or a workflow: the endpoints, and TaskRouter events for their outcome. */
public final class TransferCapability implements Capability {
  private final TransferService service;

  public TransferCapability(KitServices kit) {
    this.service = new TransferService(new InteractionSteps(kit.twilio(), kit.flex().workspaceSid().orElse(null)),
        new PendingTransfers(kit.database(), kit.clock()), kit.clock());
  }

  @Override
  public void contribute(Contributions to) {
    to.resources(TransferResource.class, ReferenceTransferResource.class)
        .bind(service, TransferService.class)
        .onTaskRouterEvent(service::onTaskRouterEvent)
        .onStopped(service::close);
  }
}
