package dev.flexkit.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.auth.FlexAgent;
import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transfer classes wired as {@link TransferCapability} wires them, on an in-memory Twilio
 * ({@link FakeInteractionSteps}), an H2 store and a same-thread executor, so every step runs in a
 * known order within milliseconds.
 */
final class TransferBench implements AutoCloseable {
  static final String ALICE = "WK" + "a".repeat(32);
  static final String BOB = "WK" + "b".repeat(32);
  static final String CAROL = "WK" + "c".repeat(32);
  static final String SALES = "WQ" + "1".repeat(32);
  static final String ANYONE = "WW" + "2".repeat(32);
  static final FlexAgent ALICE_AGENT =
      new FlexAgent("alice", ALICE, List.of("agent"), "US1", Instant.MAX);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CHATS =
      new AtomicInteger((int) (System.nanoTime() & 0xFFFFFF));

  /**
   * A customer's chat Alice holds: her task, its interaction channel, and her participant in it.
   */
  record Chat(
      String taskSid, String interactionSid, String channelSid, String aliceParticipantSid) {}

  static final String AGENT_QUEUE = "WQ00000000000000000000000000000001";
  static final String DEFAULT_WORKFLOW = "WW00000000000000000000000000000001";
  static final String TRANSFER_WORKFLOW = "WW00000000000000000000000000000003";

  /** A workspace with several workflows, one of them the transfer workflow. */
  static final TransferRouting ROUTING =
      new TransferRouting(
          Optional.of(AGENT_QUEUE), Optional.of(DEFAULT_WORKFLOW), Optional.of(TRANSFER_WORKFLOW));

  final FakeInteractionSteps twilio = new FakeInteractionSteps();
  final PendingTransfers store;
  final TransferLifecycle lifecycle;
  final TransferStart starts;
  final AgentTransferActions actions;
  private final Database database;

  TransferBench(Path dir) {
    database =
        Database.open(
            new DatabaseSettings(
                "jdbc:h2:file:" + dir.resolve("transfers"), "sa", "", DatabaseSettings.Vendor.H2),
            2);
    store = new PendingTransfers(database, Clock.systemUTC());
    lifecycle = new TransferLifecycle(twilio, store, ROUTING);
    starts = new TransferStart(twilio, store, lifecycle, ROUTING, Clock.systemUTC(), Runnable::run);
    actions = new AgentTransferActions(twilio, store, lifecycle);
    twilio.workers.put(BOB, new InteractionSteps.WorkerView(BOB, "Bob", "Available", true, 2));
    twilio.workers.put(CAROL, new InteractionSteps.WorkerView(CAROL, "Carol", "Offline", false, 0));
    twilio.queues.put(SALES, new InteractionSteps.QueueView(SALES, "Sales", 1));
    twilio.workflows.put(ANYONE, new InteractionSteps.WorkflowView(ANYONE, "Assign to anyone"));
  }

  /**
   * A new chat, its task assigned to and accepted by Alice; the customer and Alice in its channel.
   */
  Chat aliceHoldsAChat() {
    int n = CHATS.incrementAndGet();
    Chat chat =
        new Chat(
            String.format("WT%032x", n),
            String.format("KD%032x", n),
            String.format("UO%032x", n),
            String.format("UT%032x", n));
    ObjectNode attributes =
        JSON.createObjectNode()
            .put("flexInteractionSid", chat.interactionSid())
            .put("flexInteractionChannelSid", chat.channelSid())
            .put("flexChannelInviteSid", "KG1")
            .put("conversationSid", String.format("CH%032x", n))
            .put("customerName", "Dana");
    twilio.tasks.put(
        chat.taskSid(),
        new InteractionSteps.TaskView(
            chat.taskSid(), "assigned", "sms", "WW0", 5, 3600, attributes));
    twilio.owns(chat.taskSid(), ALICE);
    twilio.channels.put(
        chat.channelSid(),
        new ArrayList<>(
            List.of(
                new InteractionSteps.ChannelParticipant(
                    String.format("UC%032x", n), "customer", null, null),
                new InteractionSteps.ChannelParticipant(
                    chat.aliceParticipantSid(), "agent", chat.taskSid(), ALICE))));
    return chat;
  }

  ValidTransfer to(Chat chat, Transfer.TargetType type, String targetSid, Transfer.Mode mode) {
    return new ValidTransfer(chat.taskSid(), type, targetSid, mode, "over to you", false);
  }

  /** A pending transfer of a new chat, its invite out; the log starts empty after it. */
  Transfer pending(
      Transfer.TargetType type, String targetSid, Transfer.Mode mode, boolean leaveOnAccept) {
    Chat chat = aliceHoldsAChat();
    Transfer t =
        starts.start(
            ALICE_AGENT,
            new ValidTransfer(chat.taskSid(), type, targetSid, mode, null, leaveOnAccept));
    twilio.forget();
    return t;
  }

  /** Only the customer is left in the transfer's channel. */
  void onlyCustomerLeftIn(Transfer t) {
    twilio.channels.get(t.channelSid()).removeIf(p -> !"customer".equals(p.type()));
  }

  Transfer.Status status(Transfer t) {
    return store.find(t.id()).orElseThrow().status();
  }

  @Override
  public void close() {
    database.close();
  }
}
