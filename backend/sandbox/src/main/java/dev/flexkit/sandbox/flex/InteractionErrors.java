package dev.flexkit.sandbox.flex;

import dev.flexkit.sandbox.wire.TwilioException;

/** The Twilio error codes Flex Interactions answers with; the wording is ours unless noted. */
final class InteractionErrors {
  private InteractionErrors() {}

  /**
   * R33 (OAI-flex UpdateInteractionChannel; ERR/45358): a channel update names its new status,
   * closed or inactive. The HTTP status is not documented; the sandbox answers 400.
   */
  static TwilioException channelStatusRequired(String given) {
    return new TwilioException(
        400,
        45358,
        given == null || given.isEmpty()
            ? "Status is required to update an interaction channel: closed or inactive"
            : "Invalid channel status " + given + ": must be closed or inactive");
  }
}
