package dev.flexkit.sandbox.wire;

/** A Twilio API error: answered as {@code {code, message, more_info, status}}. */
public final class TwilioException extends RuntimeException {
  private final int code;
  private final int status;

  public TwilioException(int status, int code, String message) {
    super(message);
    this.code = code;
    this.status = status;
  }

  public int code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** 20404, as Twilio words it: "The requested resource /Conversations/CH… was not found". */
  public static TwilioException notFound(String resourcePath) {
    return new TwilioException(
        404, 20404, "The requested resource " + resourcePath + " was not found");
  }

  /** A missing required parameter: Twilio answers 400 with 20001 and names it. */
  public static TwilioException missingParameter(String name) {
    return new TwilioException(
        400, 20001, "Missing required parameter " + name + " in the post body");
  }

  public static TwilioException invalidParameter(String name, String why) {
    return new TwilioException(400, 20001, "Invalid parameter " + name + ": " + why);
  }

  public static TwilioException authenticate() {
    return new TwilioException(401, 20003, "Authenticate");
  }
}
