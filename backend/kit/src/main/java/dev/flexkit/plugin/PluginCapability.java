package dev.flexkit.plugin;

import dev.flexkit.capability.Capability;
import dev.flexkit.capability.Contributions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the Flex plugin bundle built into this jar. */
public final class PluginCapability implements Capability {
  private static final Logger LOG = LoggerFactory.getLogger(PluginCapability.class);

  @Override
  public void contribute(Contributions to) {
    to.resources(PluginBundleResource.class)
        .whenStarted(
            started -> {
              if (!PluginBundleResource.bundlePresent()) {
                LOG.warn("the plugin bundle is missing from this jar; build it with mvn package");
              }
            });
  }
}
