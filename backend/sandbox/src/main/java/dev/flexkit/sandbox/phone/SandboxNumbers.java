package dev.flexkit.sandbox.phone;

import java.util.List;

/** The account's own numbers, seeded on start: customers write to these and hear back from them. */
public record SandboxNumbers(List<String> sms, List<String> whatsapp) {
  public static final String SMS = "+15555550100";
  public static final String WHATSAPP = "whatsapp:+15555550199";

  public static SandboxNumbers seeded() {
    return new SandboxNumbers(List.of(SMS), List.of(WHATSAPP));
  }

  public boolean isOurs(String address) {
    return sms.contains(address) || whatsapp.contains(address);
  }
}
