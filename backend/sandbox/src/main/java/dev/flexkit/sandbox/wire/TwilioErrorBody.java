package dev.flexkit.sandbox.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/** The error body every Twilio REST API answers with. */
public final class TwilioErrorBody {
  private TwilioErrorBody() {}

  public static Map<String, Object> of(int status, int code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
    body.put("status", status);
    return body;
  }
}
