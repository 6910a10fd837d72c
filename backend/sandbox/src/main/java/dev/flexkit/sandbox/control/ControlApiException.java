package dev.flexkit.sandbox.control;

/**
 * A refusal by the sandbox's own control API ({@code /sandbox/api}): answered as {@code {"error":
 * {"code", "message", "field"?, "twilioCode"?}}}, the shape the kit's endpoints use too, so one
 * client reads both.
 */
public class ControlApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;
  private final Integer twilioCode;

  public ControlApiException(int status, String code, String message) {
    this(status, code, message, null, null);
  }

  public ControlApiException(int status, String code, String message, String field) {
    this(status, code, message, field, null);
  }

  public ControlApiException(
      int status, String code, String message, String field, Integer twilioCode) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.twilioCode = twilioCode;
  }

  public Integer twilioCode() {
    return twilioCode;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }
}
