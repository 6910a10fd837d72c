package dev.flexkit.templates;

import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;
import dev.flexkit.capability.KitServices;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Canned messages from a file and WhatsApp content templates from Twilio, for agents to pick from.
 */
public final class TemplatesCapability implements Capability {
  private final KitServices kit;
  private final Optional<Path> cannedMessagesFile;

  public TemplatesCapability(KitServices kit, Optional<Path> cannedMessagesFile) {
    this.kit = kit;
    this.cannedMessagesFile = cannedMessagesFile;
  }

  @Override
  public void contribute(Contributions to) {
    to.resources(TemplatesResource.class)
        .bind(new CannedMessages(cannedMessagesFile), CannedMessages.class)
        .bind(new ContentTemplates(kit.twilio()), ContentTemplates.class);
  }
}
