package dev.flexkit.outbound;

import dev.flexkit.auth.BackOfficeAuthFilter;
import dev.flexkit.auth.BackOfficeKey;
import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;
import dev.flexkit.capability.KitServices;
import dev.flexkit.store.IdempotencyRecords;
import dev.flexkit.whatsapp.WhatsappWindows;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Agents and back-office systems start SMS and WhatsApp conversations: the endpoints, and the
 * Conversations events that follow a first message (replies, delivery failures, early closes). The
 * reference endpoints take content templates from {@code TemplatesCapability}.
 */
public final class OutboundCapability implements Capability {
  private final KitServices kit;
  private final OutboundSettings settings;
  private final BackOfficeKey backOfficeKey;

  public OutboundCapability(
      KitServices kit, OutboundSettings settings, BackOfficeKey backOfficeKey) {
    this.kit = kit;
    this.settings = settings;
    this.backOfficeKey = backOfficeKey;
  }

  @Override
  public void contribute(Contributions to) {
    SentMessages sent = new SentMessages(kit.database(), kit.clock());
    WhatsappWindows windows = new WhatsappWindows(kit.database(), kit.clock());
    OutboundConversations conversations =
        new OutboundConversations(kit.twilio(), kit.flex().workspaceSid(), settings, sent);
    OutboundSender sender =
        new OutboundSender(kit.twilio(), kit.flex(), settings, sent, windows, conversations);
    AtomicReference<String> knownAgentWorkflow =
        new AtomicReference<>(settings.knownAgentWorkflowSid().orElse(null));
    CustomerReplies replies =
        new CustomerReplies(
            kit.twilio(),
            kit.flex(),
            settings,
            () -> Optional.ofNullable(knownAgentWorkflow.get()),
            sent,
            windows,
            conversations,
            kit.clock());
    BackOfficeTasks backOffice =
        new BackOfficeTasks(kit.twilio(), kit.flex(), settings, conversations, sent, windows);
    to.resources(
            OutboundResource.class, ReferenceOutboundResource.class, BackOfficeSmsResource.class)
        .provider(BackOfficeAuthFilter.class)
        .bind(sender, OutboundSender.class)
        .bind(conversations, OutboundConversations.class)
        .bind(new OutboundValidation(kit.flex()), OutboundValidation.class)
        .bind(new IdempotencyRecords(kit.database(), kit.clock()), IdempotencyRecords.class)
        .bind(sent, SentMessages.class)
        .bind(windows, WhatsappWindows.class)
        .bind(backOffice, BackOfficeTasks.class)
        .bind(backOfficeKey, BackOfficeKey.class)
        .onConversationEvent(replies::onEvent)
        .onConversationEvent(new FirstMessageDeliveries(kit.database(), sent, kit.clock())::onEvent)
        .onConversationEvent(new ClosedBeforeReply(sent)::onEvent);
    // Until provisioning does it, an account set up at start gets the known-agent workflow here.
    if (knownAgentWorkflow.get() == null
        && kit.flex().registerWebhooks()
        && kit.flex().workspaceSid().isPresent()
        && !settings.queueSid().isBlank()) {
      to.startupStep(
          "knownAgentWorkflow",
          "making the known-agent workflow",
          started ->
              knownAgentWorkflow.set(
                  KnownAgentWorkflow.ensure(
                      kit.twilio(), kit.flex().workspaceSid().get(), settings.queueSid())),
          "replies to the sender route through '" + KnownAgentWorkflow.FRIENDLY_NAME + "'");
    }
  }
}
