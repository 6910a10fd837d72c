package dev.flexkit.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stored webhooks through the listeners, off the request threads: one loop claims what is
 * claimable (the oldest event of each conversation), a pool runs the listeners, and the loop
 * deletes what they finished. Claims are leased and renewed while they run; a replica that dies
 * stops renewing, and once its lease lapses another replica claims the events again.
 */
final class InboxProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);
  private static final int FLUSH_AT = 128;
  private static final long FLUSH_MILLIS = 5;

  private final WebhookInbox inbox;
  private final TwilioEventBus bus;
  private final LongSupplier now;
  private final long leaseMillis;
  private final long pollMillis;
  private final int maxInFlight;
  private final InboxLag lag = new InboxLag();
  private final String owner = UUID.randomUUID().toString().substring(0, 18);
  private final ExecutorService listeners;
  private final Thread loop;
  private final Semaphore wake = new Semaphore(0);
  private final ConcurrentLinkedQueue<Long> finished = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> claims = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean running = true;
  private volatile boolean stored = true;
  private final AtomicLong firstUnflushedAt = new AtomicLong();
  private long claimCount;
  private long renewedAt;
  private long polledAt;

  /** The last claim filled its room, or something changed since an empty one. */
  private boolean mayHaveMore = true;

  /**
   * {@code pollMillis}: how often it looks for events other replicas stored (or left behind); its
   * own are signalled by {@link #wake}.
   */
  InboxProcessor(
      WebhookInbox inbox,
      TwilioEventBus bus,
      LongSupplier now,
      long leaseMillis,
      long pollMillis,
      int listenerThreads) {
    this.inbox = inbox;
    this.bus = bus;
    this.now = now;
    this.leaseMillis = leaseMillis;
    this.pollMillis = pollMillis;
    this.maxInFlight = listenerThreads * 16;
    AtomicInteger n = new AtomicInteger();
    this.listeners =
        Executors.newFixedThreadPool(
            listenerThreads,
            r -> {
              Thread t = new Thread(r, "webhook-listener-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.loop = new Thread(this::run, "webhook-inbox");
    loop.setDaemon(true);
  }

  InboxProcessor start() {
    loop.start();
    return this;
  }

  /** Events were stored here: there is something to claim. */
  void wake() {
    stored = true;
    wake.release();
  }

  InboxLag lag() {
    return lag;
  }

  /**
   * One thread does the store's work in batches, so it costs a few statements per hundred events,
   * not per event: finished events are deleted together (at 128, after 5 ms, or when nothing else
   * runs), and a claim fills at least a quarter of the room at once, and only when something may be
   * claimable (events stored here, a key unblocked by a delete, a full last claim, the poll).
   */
  private void run() {
    while (running) {
      try {
        long at = monotonicMillis();
        if (flushDue(at) && deleteFinished()) {
          mayHaveMore = true; // the next event of those conversations may be claimed now
        }
        renewDueLeases();
        if (stored || at - polledAt >= pollMillis) {
          stored = false;
          polledAt = at;
          mayHaveMore = true;
        }
        int room = maxInFlight - inFlight.get();
        if (mayHaveMore && room >= Math.max(1, maxInFlight / 4)) {
          mayHaveMore = claimAndDispatch(room) == room;
        }
        if (!mayHaveMore || room < maxInFlight / 4) {
          wake.tryAcquire(finished.isEmpty() ? pollMillis : FLUSH_MILLIS, TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("webhook inbox: {} (trying again in 1 s)", e.getMessage());
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** For batching and polling; {@code now} is the wall clock that leases and lag are told in. */
  private static long monotonicMillis() {
    return System.nanoTime() / 1_000_000;
  }

  private boolean flushDue(long at) {
    long first = firstUnflushedAt.get();
    return first != 0
        && (finished.size() >= FLUSH_AT || at - first >= FLUSH_MILLIS || inFlight.get() == 0);
  }

  /** How many it claimed. */
  private int claimAndDispatch(int room) {
    String token = owner + ":" + (++claimCount);
    long at = now.getAsLong();
    List<InboxEvent> claimed = inbox.claim(token, at, at + leaseMillis, room);
    if (claimed.isEmpty()) {
      return 0;
    }
    AtomicInteger open = new AtomicInteger(claimed.size());
    claims.put(token, open);
    inFlight.addAndGet(claimed.size());
    for (InboxEvent e : claimed) {
      listeners.execute(() -> process(token, open, e));
    }
    return claimed.size();
  }

  private void process(String token, AtomicInteger open, InboxEvent e) {
    try {
      if (e.kind() == InboxEvent.Kind.CONVERSATIONS) {
        bus.publish(new ConversationEvent(e.form()));
      } else {
        bus.publish(new TaskRouterEvent(e.form()));
      }
    } catch (InterruptedException stopping) {
      // Stopped while a listener waited to run again: the claim stays open, so close() hands the
      // event back for the next replica or start.
      Thread.currentThread().interrupt();
      inFlight.decrementAndGet();
      return;
    } catch (RuntimeException | Error failure) {
      LOG.error("webhook {} could not be processed", e.id(), failure);
    }
    finished.add(e.id());
    firstUnflushedAt.compareAndSet(0, monotonicMillis());
    lag.record(now.getAsLong() - e.receivedAt());
    inFlight.decrementAndGet();
    if (open.decrementAndGet() == 0) {
      claims.remove(token);
    }
    wake.release();
  }

  private boolean deleteFinished() {
    firstUnflushedAt.set(0);
    List<Long> ids = new ArrayList<>();
    for (Long id; (id = finished.poll()) != null; ) {
      ids.add(id);
    }
    if (ids.isEmpty()) {
      return false;
    }
    try {
      inbox.delete(ids);
    } catch (RuntimeException e) {
      finished.addAll(ids); // still claimed by us: deleted on the next turn
      throw e;
    }
    return true;
  }

  private void renewDueLeases() {
    long at = now.getAsLong();
    if (at - renewedAt < leaseMillis / 3) {
      return;
    }
    renewedAt = at;
    List<String> tokens = List.copyOf(claims.keySet());
    if (!tokens.isEmpty()) {
      inbox.renew(tokens, at + leaseMillis);
    }
  }

  /**
   * Stops claiming, lets running listeners finish (up to 5 s), deletes what finished and gives the
   * rest back to be claimed at once by the next replica or the next start.
   */
  @Override
  public void close() {
    running = false;
    wake();
    try {
      loop.join(5_000);
      listeners.shutdown();
      listeners.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    listeners.shutdownNow();
    try {
      deleteFinished();
      List<String> unfinished = List.copyOf(claims.keySet());
      if (!unfinished.isEmpty()) {
        inbox.release(unfinished);
      }
    } catch (RuntimeException e) {
      LOG.warn("webhook inbox: could not hand back unprocessed events: {}", e.getMessage());
    }
  }
}
