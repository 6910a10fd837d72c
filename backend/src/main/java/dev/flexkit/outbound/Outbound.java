package dev.flexkit.outbound;

import dev.flexkit.config.FlexSettings;
import dev.flexkit.store.Database;
import dev.flexkit.store.IdempotencyRecords;
import dev.flexkit.templates.CannedMessages;
import dev.flexkit.templates.ContentTemplates;
import dev.flexkit.templates.TemplatesResource;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.webhooks.TwilioEventBus;
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
  public static final List<Class<?>> RESOURCES = List.of(OutboundResource.class, TemplatesResource.class);

  private final OutboundSender sender;
  private final OutboundValidation validation;
  private final IdempotencyRecords idempotency;
  private final SentMessages sent;
  private final WhatsappWindows windows;
  private final CannedMessages canned;
  private final ContentTemplates content;

  private Outbound(OutboundSender sender, OutboundValidation validation, IdempotencyRecords idempotency, SentMessages sent,
                   WhatsappWindows windows, CannedMessages canned, ContentTemplates content) {
    this.sender = sender;
    this.validation = validation;
    this.idempotency = idempotency;
    this.sent = sent;
    this.windows = windows;
    this.canned = canned;
    this.content = content;
  }

  public static Outbound wire(TwilioGateway twilio, FlexSettings flex, Database database, Clock clock, TwilioEventBus events,
                              OutboundSettings settings) {
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
    Optional<Path> cannedFile = Optional.ofNullable(System.getenv("CANNED_MESSAGES_FILE")).filter(s -> !s.isBlank()).map(Path::of);
    return new Outbound(sender, new OutboundValidation(flex), new IdempotencyRecords(database, clock), sent, windows,
        new CannedMessages(cannedFile), new ContentTemplates(twilio));
  }

  public void bindInto(AbstractBinder binder) {
    binder.bind(sender).to(OutboundSender.class);
    binder.bind(validation).to(OutboundValidation.class);
    binder.bind(idempotency).to(IdempotencyRecords.class);
    binder.bind(sent).to(SentMessages.class);
    binder.bind(windows).to(WhatsappWindows.class);
    binder.bind(canned).to(CannedMessages.class);
    binder.bind(content).to(ContentTemplates.class);
  }

  /** {@code OUTBOUND_CLOSED_TIMER} (ISO-8601, at least PT10M as Twilio requires), default one day. */
  public static Duration closedTimerFromEnv() {
    String raw = System.getenv("OUTBOUND_CLOSED_TIMER");
    Duration d = raw == null || raw.isBlank() ? Duration.ofDays(1) : Duration.parse(raw);
    if (d.compareTo(Duration.ofMinutes(10)) < 0) {
      throw new IllegalArgumentException("OUTBOUND_CLOSED_TIMER must be at least PT10M");
    }
    return d;
  }

  /** Live mode: {@code TWILIO_OUTBOUND_QUEUE_SID}, optional {@code TWILIO_KNOWN_AGENT_WORKFLOW_SID}. */
  public static OutboundSettings settingsFromEnv() {
    return new OutboundSettings(Optional.ofNullable(System.getenv("TWILIO_OUTBOUND_QUEUE_SID")).orElse(""),
        Optional.ofNullable(System.getenv("TWILIO_KNOWN_AGENT_WORKFLOW_SID")).filter(s -> !s.isBlank()), closedTimerFromEnv());
  }
}
