package dev.flexkit.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: request threads hand their webhook over and wait; one writer thread stores what has
 * queued meanwhile in one batched transaction, then tells them all. A commit per webhook would cap
 * ingestion at the store's commit rate; this way a commit carries every webhook that arrived while
 * the previous one ran.
 */
public final class InboxWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);
  private static final int MAX_BATCH = 500;

  private record Pending(InboxEvent event, CompletableFuture<Void> stored) {}

  private final WebhookInbox inbox;
  private final Runnable afterCommit;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(20_000);
  private final Thread writer;
  private volatile boolean closed;

  /** {@code afterCommit} runs after each commit: it wakes this replica's processor. */
  InboxWriter(WebhookInbox inbox, Runnable afterCommit) {
    this.inbox = inbox;
    this.afterCommit = afterCommit;
    this.writer = new Thread(this::run, "webhook-inbox-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Completes once {@code event} is committed; fails if it could not be (or is refused). */
  CompletableFuture<Void> store(InboxEvent event) {
    CompletableFuture<Void> stored = new CompletableFuture<>();
    if (closed || !queue.offer(new Pending(event, stored))) {
      stored.completeExceptionally(new IllegalStateException("webhook inbox is full or stopping"));
    }
    return stored;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    List<InboxEvent> events = new ArrayList<>(MAX_BATCH);
    while (!closed) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        batch.forEach(p -> events.add(p.event()));
        try {
          inbox.store(events);
          batch.forEach(p -> p.stored().complete(null));
          afterCommit.run();
        } catch (RuntimeException e) {
          LOG.error("could not store {} webhooks: {}", batch.size(), e.getMessage());
          batch.forEach(p -> p.stored().completeExceptionally(e));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        batch.clear();
        events.clear();
      }
    }
    RuntimeException stopping = new IllegalStateException("webhook inbox stopped");
    queue.forEach(p -> p.stored().completeExceptionally(stopping));
  }

  @Override
  public void close() {
    closed = true; // no interrupt: an interrupted H2 file channel closes the database
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
