package dev.flexkit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.store.Database;
import dev.flexkit.store.Sql;
import dev.flexkit.twilio.TwilioCallException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox on a real store: stored webhooks are processed once, in order per conversation. */
abstract class WebhookInboxContract {
  protected abstract DatabaseSettings settings();

  private Database database;
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void open() {
    database = Database.open(settings(), 8);
    new Sql(database, "test").update("DELETE FROM webhook_inbox");
  }

  @AfterEach
  void close() throws Exception {
    Collections.reverse(open);
    for (AutoCloseable c : open) {
      c.close();
    }
    database.close();
  }

  /** A processor and its writer on the shared store, publishing to {@code bus}. */
  private InboxWriter replica(TwilioEventBus bus) {
    WebhookInbox inbox = new WebhookInbox(database);
    InboxProcessor processor = new InboxProcessor(inbox, bus, now::get, 30_000, 20, 4).start();
    InboxWriter writer = new InboxWriter(inbox, processor::wake);
    open.add(processor);
    open.add(writer);
    return writer;
  }

  static Map<String, List<String>> message(String conversation, int index) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("EventType", List.of("onMessageAdded"));
    p.put("ConversationSid", List.of(conversation));
    p.put("Index", List.of(String.valueOf(index)));
    p.put("Body", List.of("héllo & goodbye=" + index));
    return p;
  }

  @Test
  void everyStoredWebhookReachesTheListenersOnceInOrderPerConversation() throws Exception {
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    List<String> bodies = new CopyOnWriteArrayList<>();
    TwilioEventBus bus = new TwilioEventBus();
    bus.onConversationEvent(
        e -> {
          seen.computeIfAbsent(e.conversationSid().get(), k -> new CopyOnWriteArrayList<>())
              .add(Integer.parseInt(e.get("Index").get()));
          bodies.add(e.body().get());
        });
    InboxWriter writer = replica(bus);
    List<java.util.concurrent.CompletableFuture<Void>> stored = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      for (int c = 0; c < 20; c++) {
        stored.add(
            writer.store(
                InboxEvent.received(
                    InboxEvent.Kind.CONVERSATIONS, message("CH" + c, i), now.get())));
      }
    }
    for (var f : stored) {
      f.get(10, TimeUnit.SECONDS);
    }
    await(() -> seen.values().stream().mapToInt(List::size).sum() == 1_000 && backlog() == 0);
    assertThat(seen).hasSize(20);
    List<Integer> inOrder = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      inOrder.add(i);
    }
    seen.values().forEach(indexes -> assertThat(indexes).isEqualTo(inOrder));
    assertThat(bodies).contains("héllo & goodbye=49");
  }

  @Test
  void anEventClaimedByAReplicaThatDiedIsProcessedElsewhereOnceItsLeaseLapses() throws Exception {
    WebhookInbox inbox = new WebhookInbox(database);
    inbox.store(
        List.of(InboxEvent.received(InboxEvent.Kind.CONVERSATIONS, message("CH1", 0), now.get())));
    // A replica claims it, and dies before it is processed.
    assertThat(inbox.claim("dead:1", now.get(), now.get() + 30_000, 10)).hasSize(1);

    List<String> seen = new CopyOnWriteArrayList<>();
    TwilioEventBus bus = new TwilioEventBus();
    bus.onConversationEvent(e -> seen.add(e.eventType()));
    replica(bus);
    Thread.sleep(200);
    assertThat(seen).as("still leased to the dead replica").isEmpty();
    now.addAndGet(30_001);
    await(() -> seen.size() == 1 && backlog() == 0);
    assertThat(seen).containsExactly("onMessageAdded");
  }

  @Test
  void aStoppedReplicaHandsBackWhatItHasNotProcessed() throws Exception {
    WebhookInbox inbox = new WebhookInbox(database);
    inbox.store(
        List.of(
            InboxEvent.received(
                InboxEvent.Kind.TASKROUTER,
                Map.of("EventType", List.of("task.created"), "TaskSid", List.of("WT1")),
                now.get())));
    TwilioEventBus bus = new TwilioEventBus();
    java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
    bus.onTaskRouterEvent(
        e -> {
          running.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
        });
    InboxProcessor stuck = new InboxProcessor(inbox, bus, now::get, 30_000, 20, 1).start();
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    stuck.close();
    // Not processed to the end: claimable at once by the next start, with no lease to wait out.
    assertThat(inbox.claim("next:1", now.get(), now.get() + 30_000, 10)).hasSize(1);
  }

  @Test
  void aListenerFailingForAReasonThatMayPassRunsAgainAloneAndHoldsBackItsConversation()
      throws Exception {
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    AtomicLong failures = new AtomicLong(2);
    TwilioEventBus bus = new TwilioEventBus(List.of(Duration.ofMillis(50), Duration.ofMillis(50)));
    bus.onConversationEvent(e -> first.add(e.get("Index").get()));
    bus.onConversationEvent(
        e -> {
          if (e.get("Index").get().equals("0") && failures.getAndDecrement() > 0) {
            throw TwilioCallException.answered(500, 20500, "Internal Server Error", "route reply");
          }
          second.add(e.get("Index").get());
        });
    InboxWriter writer = replica(bus);
    writer
        .store(InboxEvent.received(InboxEvent.Kind.CONVERSATIONS, message("CH1", 0), now.get()))
        .get(10, TimeUnit.SECONDS);
    writer
        .store(InboxEvent.received(InboxEvent.Kind.CONVERSATIONS, message("CH1", 1), now.get()))
        .get(10, TimeUnit.SECONDS);
    await(() -> second.size() == 2 && backlog() == 0);
    assertThat(second)
        .as("the failing listener, run until it worked, in order")
        .containsExactly("0", "1");
    assertThat(first).as("the listener that worked ran once").containsExactly("0", "1");
    assertThat(bus.retried()).isEqualTo(2);
    assertThat(bus.dropped()).isZero();
  }

  @Test
  void aListenerFailingForAReasonThatWillNotPassIsNotRunAgain() throws Exception {
    AtomicLong runs = new AtomicLong();
    TwilioEventBus bus = new TwilioEventBus(List.of(Duration.ofMillis(10)));
    bus.onConversationEvent(
        e -> {
          runs.incrementAndGet();
          throw TwilioCallException.answered(400, 21211, "Invalid 'To' Phone Number", "send");
        });
    replica(bus)
        .store(InboxEvent.received(InboxEvent.Kind.CONVERSATIONS, message("CH1", 0), now.get()))
        .get(10, TimeUnit.SECONDS);
    await(() -> backlog() == 0);
    assertThat(runs.get()).isEqualTo(1);
    assertThat(bus.dropped()).isEqualTo(1);
  }

  @Test
  void twoReplicasOnOneStoreShareTheWorkAndNeitherProcessesAnEventTwice() throws Exception {
    if (settings().vendor() != DatabaseSettings.Vendor.POSTGRESQL) {
      return; // H2 is embedded in one process: there are no two replicas to share it
    }
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    Map<String, AtomicLong> byReplica = new ConcurrentHashMap<>();
    List<InboxWriter> writers = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      TwilioEventBus bus = new TwilioEventBus();
      bus.onConversationEvent(
          e -> {
            seen.computeIfAbsent(e.conversationSid().get(), k -> new CopyOnWriteArrayList<>())
                .add(Integer.parseInt(e.get("Index").get()));
            byReplica.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
          });
      writers.add(replica(bus));
    }
    List<java.util.concurrent.CompletableFuture<Void>> stored = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      for (int c = 0; c < 25; c++) {
        stored.add(
            writers
                .get(c % 2)
                .store(
                    InboxEvent.received(
                        InboxEvent.Kind.CONVERSATIONS, message("CH" + c, i), now.get())));
      }
      for (var f : stored) {
        f.get(10, TimeUnit.SECONDS); // one conversation's events arrive one after the other
      }
    }
    await(() -> seen.values().stream().mapToInt(List::size).sum() >= 1_000 && backlog() == 0);
    List<Integer> inOrder = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      inOrder.add(i);
    }
    seen.values().forEach(indexes -> assertThat(indexes).isEqualTo(inOrder));
    assertThat(byReplica.values()).allSatisfy(n -> assertThat(n.get()).isPositive());
  }

  private long backlog() {
    return new WebhookInbox(database).backlog()[0];
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 20 s");
      }
      Thread.sleep(10);
    }
  }
}
