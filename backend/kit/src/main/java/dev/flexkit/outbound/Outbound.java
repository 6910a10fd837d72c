package dev.flexkit.outbound;

import dev.flexkit.auth.BackOfficeAuthFilter;
import dev.flexkit.auth.BackOfficeKey;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.store.Database;
import dev.flexkit.store.IdempotencyRecords;
import dev.flexkit.templates.CannedMessages;
import dev.flexkit.templates.ContentTemplates;
import dev.flexkit.templates.TemplatesResource;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.webhooks.TwilioEventBus;
import dev.flexkit.whatsapp.WhatsappWindows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glassfish.jersey.internal.inject.AbstractBinder;

/** The outbound and templates capabilities, wired once for the composition root. */
public final class Outbound {
  public static final List<Class<?>> RESOURCES = List.of(OutboundResource.class, TemplatesResource.class,
      ReferenceOutboundResource.class, BackOfficeSmsResource.class);
  /** Filters the resources need beside the shared ones. */
  public static final List<Class<?>> PROVIDERS = List.of(BackOfficeAuthFilter.class);

  private final OutboundSender sender;
  private final OutboundValidation validation;
  private final IdempotencyRecords idempotency;
  private final SentMessages sent;
  private final WhatsappWindows windows;
  private final CannedMessages canned;
  private final ContentTemplates content;
  private final BackOfficeTasks backOffice;
  private final BackOfficeKey backOfficeKey;

  private Outbound(OutboundSender sender, OutboundValidation validation, IdempotencyRecords idempotency, SentMessages sent,
                   WhatsappWindows windows, CannedMessages canned, ContentTemplates content, BackOfficeTasks backOffice,
                   BackOfficeKey backOfficeKey) {
    this.sender = sender;
    this.validation = validation;
    this.idempotency = idempotency;
    this.sent = sent;
    this.windows = windows;
    this.canned = canned;
    this.content = content;
    this.backOffice = backOffice;
    this.backOfficeKey = backOfficeKey;
  }

  public static Outbound wire(TwilioGateway twilio, FlexSettings flex, Database database, Clock clock, TwilioEventBus events,
                              OutboundSettings settings, Optional<Path> cannedFile, BackOfficeKey backOfficeKey) {
    SentMessages sent = new SentMessages(database, clock);
    WhatsappWindows windows = new WhatsappWindows(database, clock);
    ExecutorService sideCalls = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "outbound-side-call");
      t.setDaemon(true);
      return t;
    });
    OutboundSender sender = new OutboundSender(twilio, flex, settings, sent, windows, sideCalls);
    CustomerReplies replies = new CustomerReplies(twilio, flex, settings, sent, windows, sender, clock);
    events.onConversationEvent(replies::onEvent);
    events.onConversationEvent(new FirstMessageDeliveries(database, sent, clock)::onEvent);
    events.onConversationEvent(new ClosedBeforeReply(sent)::onEvent);
    BackOfficeTasks backOffice = new BackOfficeTasks(twilio, flex, settings, sender, sent, windows, sideCalls);
    return new Outbound(sender, new OutboundValidation(flex), new IdempotencyRecords(database, clock), sent, windows,
        new CannedMessages(cannedFile), new ContentTemplates(twilio), backOffice, backOfficeKey);
  }

  public void bindInto(AbstractBinder binder) {
    binder.bind(sender).to(OutboundSender.class);
    binder.bind(validation).to(OutboundValidation.class);
    binder.bind(idempotency).to(IdempotencyRecords.class);
    binder.bind(sent).to(SentMessages.class);
    binder.bind(windows).to(WhatsappWindows.class);
    binder.bind(canned).to(CannedMessages.class);
    binder.bind(content).to(ContentTemplates.class);
    binder.bind(backOffice).to(BackOfficeTasks.class);
    binder.bind(backOfficeKey).to(BackOfficeKey.class);
  }
}
