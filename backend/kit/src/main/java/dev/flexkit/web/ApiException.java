package dev.flexkit.web;

/** A failure the client should see as-is: status, stable code and a readable message. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;
  private final Integer twilioCode;

  public ApiException(int status, String code, String message) {
    this(status, code, message, null, null);
  }

  public ApiException(int status, String code, String message, String field, Integer twilioCode) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.twilioCode = twilioCode;
  }

  public int status() {
    return status;
  }

  public ApiError toError() {
    return ApiError.of(code, getMessage(), field, twilioCode);
  }
}
