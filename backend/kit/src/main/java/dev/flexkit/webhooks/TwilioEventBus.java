package dev.flexkit.webhooks;

import dev.flexkit.twilio.TwilioCallException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans Twilio's webhooks out to the capabilities that care (outbound, inactivity, transfer), so
 * each registers a listener instead of owning an endpoint. Twilio was answered when the webhook was
 * stored and sends it no more, so a listener that failed for a reason that may pass (Twilio
 * unreachable or busy, 429, 5xx) is run again after a pause, the event staying claimed so the
 * conversation's later events wait for it. Only that listener runs again: listeners are written to
 * be run twice safely (Twilio redelivers too), but the others already did their part. A listener
 * that fails otherwise, or still fails after the last pause, is logged and the event is dropped.
 */
public final class TwilioEventBus {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioEventBus.class);
  static final List<Duration> PAUSES =
      List.of(
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofSeconds(4),
          Duration.ofSeconds(8),
          Duration.ofSeconds(16));

  private final List<Consumer<ConversationEvent>> conversationListeners =
      new CopyOnWriteArrayList<>();
  private final List<Consumer<TaskRouterEvent>> taskRouterListeners = new CopyOnWriteArrayList<>();
  private final List<Duration> pauses;
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  public TwilioEventBus() {
    this(PAUSES);
  }

  TwilioEventBus(List<Duration> pauses) {
    this.pauses = List.copyOf(pauses);
  }

  public void onConversationEvent(Consumer<ConversationEvent> listener) {
    conversationListeners.add(listener);
  }

  public void onTaskRouterEvent(Consumer<TaskRouterEvent> listener) {
    taskRouterListeners.add(listener);
  }

  /** Interrupted: the event is not done, and goes back to the inbox. */
  void publish(ConversationEvent event) throws InterruptedException {
    for (Consumer<ConversationEvent> l : conversationListeners) {
      deliver(l, event, "conversation event " + event.eventType());
    }
  }

  void publish(TaskRouterEvent event) throws InterruptedException {
    for (Consumer<TaskRouterEvent> l : taskRouterListeners) {
      deliver(l, event, "TaskRouter event " + event.eventType());
    }
  }

  /** Listener runs repeated after a failure that may pass. */
  long retried() {
    return retried.get();
  }

  /** Listener runs given up on. */
  long dropped() {
    return dropped.get();
  }

  private <E> void deliver(Consumer<E> listener, E event, String what) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        listener.accept(event);
        return;
      } catch (RuntimeException e) {
        if (!mayPass(e) || attempt == pauses.size()) {
          dropped.incrementAndGet();
          LOG.error("{}: listener failed after {} attempt(s), dropped", what, attempt + 1, e);
          return;
        }
        Duration pause = pauses.get(attempt);
        retried.incrementAndGet();
        LOG.warn(
            "{}: listener failed ({}), again in {} ms", what, e.getMessage(), pause.toMillis());
        Thread.sleep(pause.toMillis());
      }
    }
  }

  static boolean mayPass(RuntimeException e) {
    if (!(e instanceof TwilioCallException t)) {
      return false;
    }
    int status = t.twilioStatus();
    return status == 0 || status == 429 || status >= 500;
  }
}
