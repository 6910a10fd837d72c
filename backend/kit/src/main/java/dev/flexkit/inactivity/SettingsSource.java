package dev.flexkit.inactivity;

/** Where a conversation's timer settings come from (the Flex configuration, in production). */
public interface SettingsSource {
  InactivitySettings forChannel(String channelType, String queueSid);
}
