package dev.flexkit.store;

/** A store operation failed; mapped to a 503 so clients know to retry. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
