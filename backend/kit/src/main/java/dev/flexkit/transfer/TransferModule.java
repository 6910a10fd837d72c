package dev.flexkit.transfer;

import dev.flexkit.config.FlexSettings;
import dev.flexkit.store.Database;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.webhooks.TwilioEventBus;
import java.time.Clock;
import java.util.List;
import org.glassfish.jersey.internal.inject.AbstractBinder;

/** The transfer capability, wired: its resources, its service for injection, its event listener. */
public final class TransferModule {
  private final TransferService service;

  private TransferModule(TransferService service) {
    this.service = service;
  }

  public static TransferModule create(TwilioGateway twilio, FlexSettings flex, Database database, Clock clock,
                                      TwilioEventBus events) {
    TransferService service = new TransferService(new InteractionSteps(twilio, flex.workspaceSid().orElse(null)),
        new PendingTransfers(database, clock), clock);
    events.onTaskRouterEvent(service::onTaskRouterEvent);
    return new TransferModule(service);
  }

  public List<Class<?>> resources() {
    return List.of(TransferResource.class, ReferenceTransferResource.class);
  }

  public AbstractBinder binder() {
    return new AbstractBinder() {
      @Override
      protected void configure() {
        bind(service).to(TransferService.class);
      }
    };
  }
}
