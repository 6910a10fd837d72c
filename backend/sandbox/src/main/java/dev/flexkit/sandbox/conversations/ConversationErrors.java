package dev.flexkit.sandbox.conversations;

import dev.flexkit.sandbox.wire.TwilioException;
import java.time.Duration;

/** The Twilio error codes Conversations answers with, worded as Twilio words them. */
final class ConversationErrors {
  private ConversationErrors() {}

  static TwilioException conversationNotFound(String sid) {
    return TwilioException.notFound("/Conversations/" + sid);
  }

  /** R19, ERR/50361: at most five conversation-scoped webhooks; the status is undocumented. */
  static TwilioException tooManyConversationWebhooks() {
    return new TwilioException(400, 50361, "Too many conversation webhooks");
  }

  static TwilioException bindingTaken(String conversationSid) {
    return new TwilioException(
        409,
        50416,
        "A binding for this participant and proxy address already exists in Conversation "
            + conversationSid);
  }

  static TwilioException bindingsTaken(String conversationSid) {
    return new TwilioException(
        409,
        50425,
        "Participant and proxy address pairs for one or more participants already in use. Conversation "
            + conversationSid
            + " already holds one of them");
  }

  static TwilioException invalidParticipantJson() {
    return new TwilioException(400, 50424, "Invalid participant JSON");
  }

  /** R12 (ERR/50407): the customer's address must be E.164, or whatsapp: and E.164. */
  static TwilioException invalidAddress(String address) {
    return new TwilioException(400, 50407, "Invalid messaging binding address: " + address);
  }

  /** R12 (ERR/50408): a malformed proxy address, or one over 256 characters. */
  static TwilioException invalidProxyAddress(String address) {
    return new TwilioException(400, 50408, "Invalid messaging binding proxy address: " + address);
  }

  /** R12 (ERR/50409). */
  static TwilioException addressIsProxy(String address) {
    return new TwilioException(
        400, 50409, "Messaging binding address and proxy address must differ: " + address);
  }

  /** R12 (ERR/50412). */
  static TwilioException proxyAddressMissing() {
    return new TwilioException(
        400, 50412, "Messaging binding proxy address is required for a non-chat participant");
  }

  /** R12 (ERR/50414): e.g. a whatsapp: customer on an SMS number. */
  static TwilioException channelMismatch(String address, String proxyAddress) {
    return new TwilioException(
        400,
        50414,
        "Messaging binding address "
            + address
            + " and proxy address "
            + proxyAddress
            + " are on different channels");
  }

  /** R11 (ERR/50437): the same binding pair twice in one conversation. */
  static TwilioException bindingInThisConversation(String conversationSid) {
    return new TwilioException(
        409,
        50437,
        "A participant with this address and proxy address already exists in Conversation "
            + conversationSid);
  }

  /** R17 (ERR/50527). */
  static TwilioException variablesNotAnObject() {
    return new TwilioException(400, 50527, "Content variables must be a JSON object");
  }

  static TwilioException closed() {
    return new TwilioException(
        400, 50377, "Can't update conversation as it's in final closed state");
  }

  static TwilioException invalidState(String state) {
    return new TwilioException(400, 50378, "Invalid conversation state '" + state + "'");
  }

  static TwilioException timerWithoutState() {
    return new TwilioException(400, 50382, "Timer can't be set without state");
  }

  /** R5: 50379 for the inactive timer, 50380 for the closed one. */
  static TwilioException timerNotADuration(String name, String value) {
    return new TwilioException(
        400,
        name.equals("Timers.Inactive") ? 50379 : 50380,
        "Invalid " + name + " value '" + value + "': expected an ISO-8601 duration such as PT10M");
  }

  /** R4: 50375 for an inactive timer under 1 minute, 50376 for a closed one under 10 minutes. */
  static TwilioException timerTooShort(String name, Duration minimum) {
    return new TwilioException(
        400,
        name.equals("Timers.Inactive") ? 50375 : 50376,
        "Invalid "
            + name
            + " value: it must be at least "
            + minimum.toMinutes()
            + " minute"
            + (minimum.toMinutes() == 1 ? "" : "s"));
  }

  static TwilioException initialStateClosed() {
    return new TwilioException(400, 50384, "Initial state can't be 'closed'");
  }

  static TwilioException uniqueNameTaken(String uniqueName) {
    return new TwilioException(
        409, 50353, "Conversation with provided unique name already exists: " + uniqueName);
  }

  static TwilioException participantExists(String identity) {
    return new TwilioException(409, 50433, "Participant already exists: " + identity);
  }

  static TwilioException unknownContent(String contentSid) {
    return new TwilioException(400, 21655, "The ContentSid " + contentSid + " is Invalid");
  }

  static TwilioException variablesWithoutContent() {
    return new TwilioException(400, 50528, "Content variables can't be set without a content SID");
  }

  /** R7 (ERR/50426): more Participant values than one ConversationWithParticipants takes. */
  static TwilioException tooManyParticipantsInRequest(int max) {
    return new TwilioException(
        400,
        50426,
        "Request contains more participants than allowed per request (at most " + max + ")");
  }

  /**
   * R13: neither an Identity nor a messaging binding. The message is the one twilio-csharp#661
   * quotes; Twilio's code for it is not documented, so it is the generic 20001.
   */
  static TwilioException identityNotProvided() {
    return new TwilioException(400, 20001, "Identity not provided");
  }

  /** R14 (ERR/50441): a proxy address for a participant that has no user address. */
  static TwilioException cannotAddProxyAddress(String participantSid) {
    return new TwilioException(
        400,
        50441,
        "Failed to add a proxy address to participant "
            + participantSid
            + ": it does not have a user address");
  }

  /** ERR/50440: removing the proxy address of a participant that has none. */
  static TwilioException cannotRemoveProxyAddress(String participantSid) {
    return new TwilioException(
        400,
        50440,
        "Failed to remove the proxy address of participant "
            + participantSid
            + ": it does not have one");
  }

  /** R15 (ERR/50417): more chat participants than the service allows (100 by default). */
  static TwilioException chatParticipantsLimit(int max) {
    return new TwilioException(
        400,
        50417,
        "Participants limit exceeded: a conversation has at most " + max + " chat participants");
  }

  /** R15 (ERR/50422): more than 50 non-chat (SMS/WhatsApp) participants. */
  static TwilioException nonChatParticipantsLimit(int max) {
    return new TwilioException(
        400,
        50422,
        "Non-chat conversation participants limit exceeded: at most " + max + " are allowed");
  }

  /** R16: Body is at most 1,600 characters; Twilio's code for it is not documented here. */
  static TwilioException bodyTooLong(int max) {
    return new TwilioException(
        400, 20001, "Invalid parameter Body: must be at most " + max + " characters");
  }
}
