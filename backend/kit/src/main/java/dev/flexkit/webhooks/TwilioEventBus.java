package dev.flexkit.webhooks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans Twilio's webhooks out to the capabilities that care (outbound, inactivity, transfer), so
 * each registers a listener instead of owning an endpoint. A failing listener is logged and does
 * not stop the others; Twilio gets its 2xx either way, since a retry would not help a bug.
 */
public final class TwilioEventBus {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioEventBus.class);

  private final List<Consumer<ConversationEvent>> conversationListeners =
      new CopyOnWriteArrayList<>();
  private final List<Consumer<TaskRouterEvent>> taskRouterListeners = new CopyOnWriteArrayList<>();

  public void onConversationEvent(Consumer<ConversationEvent> listener) {
    conversationListeners.add(listener);
  }

  public void onTaskRouterEvent(Consumer<TaskRouterEvent> listener) {
    taskRouterListeners.add(listener);
  }

  void publish(ConversationEvent event) {
    for (Consumer<ConversationEvent> l : conversationListeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.error("conversation event {} listener failed", event.eventType(), e);
      }
    }
  }

  void publish(TaskRouterEvent event) {
    for (Consumer<TaskRouterEvent> l : taskRouterListeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.error("TaskRouter event {} listener failed", event.eventType(), e);
      }
    }
  }
}
