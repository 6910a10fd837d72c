package dev.flexkit.outbound;

import dev.flexkit.config.FlexSettings;
import dev.flexkit.web.ApiException;

/**
 * The TaskRouter workspace outbound tasks are created in; live mode without it cannot route a send.
 */
final class RoutingWorkspace {
  private RoutingWorkspace() {}

  static String sid(FlexSettings flex) {
    return flex.workspaceSid()
        .orElseThrow(
            () ->
                new ApiException(
                    503, "not_configured", "Outbound needs TWILIO_WORKSPACE_SID to route tasks"));
  }
}
