package dev.flexkit.sandbox.wire;

/** The real Twilio URLs that {@code url}, {@code links} and paging fields must hold. */
public final class TwilioUrls {
  private TwilioUrls() {}

  /**
   * {@code url("conversations", "/v1/Conversations/CH…")} → {@code
   * https://conversations.twilio.com/v1/Conversations/CH…}.
   */
  public static String url(String product, String path) {
    return "https://" + product + ".twilio.com" + (path.startsWith("/") ? path : "/" + path);
  }
}
