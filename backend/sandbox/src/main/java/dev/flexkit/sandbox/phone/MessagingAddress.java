package dev.flexkit.sandbox.phone;

import java.util.regex.Pattern;

/** An SMS number ({@code +15551234567}) or a WhatsApp one ({@code whatsapp:+15551234567}). */
public final class MessagingAddress {
  private static final String WHATSAPP = "whatsapp:";
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private MessagingAddress() {}

  public static boolean isValid(String address) {
    return address != null && E164.matcher(number(address)).matches();
  }

  /** {@code sms} or {@code whatsapp}: the binding type Conversations reports. */
  public static String channel(String address) {
    return address.startsWith(WHATSAPP) ? "whatsapp" : "sms";
  }

  /** The Source Conversations webhooks report for a customer on this address. */
  public static String source(String address) {
    return channel(address).toUpperCase(java.util.Locale.ROOT);
  }

  public static String number(String address) {
    return address.startsWith(WHATSAPP) ? address.substring(WHATSAPP.length()) : address;
  }
}
