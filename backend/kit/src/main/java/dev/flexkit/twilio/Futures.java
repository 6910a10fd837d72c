package dev.flexkit.twilio;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Reads run side by side end in the caller's thread with the exception they failed with. */
public final class Futures {
  private Futures() {}

  /** The value, or the read's own exception (a {@link TwilioCallException}, say), not a wrapper. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
