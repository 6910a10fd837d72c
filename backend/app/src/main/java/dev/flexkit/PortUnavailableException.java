package dev.flexkit;

/** The configured host/port could not be bound. */
public final class PortUnavailableException extends RuntimeException {
  PortUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
