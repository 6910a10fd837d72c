package dev.flexkit.sandbox;

import dev.flexkit.sandbox.content.ContentLibrary;
import dev.flexkit.sandbox.conversations.Conversations;
import dev.flexkit.sandbox.conversations.ConversationsApi;
import dev.flexkit.sandbox.fidelity.SpecConformance;
import dev.flexkit.sandbox.flex.FlexConfiguration;
import dev.flexkit.sandbox.flex.FlexInteractions;
import dev.flexkit.sandbox.iam.FlexTokens;
import dev.flexkit.sandbox.phone.CustomerPhones;
import dev.flexkit.sandbox.phone.SandboxNumbers;
import dev.flexkit.sandbox.taskrouter.TaskRouter;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import dev.flexkit.sandbox.taskrouter.WorkerDirectory;
import dev.flexkit.sandbox.traffic.CallLog;
import dev.flexkit.sandbox.traffic.Faults;
import dev.flexkit.sandbox.webhooks.WebhookDispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the sandbox simulates, wired once: Twilio's products and the people and forces around
 * them (customers' phones, agents' availability, the network, the clock).
 */
public final class SandboxWorld implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxWorld.class);

  private final SandboxAccount account;
  private final SandboxClock clock;
  private final CallLog calls = new CallLog();
  private final Faults faults = new Faults();
  private final WebhookDispatcher webhooks;
  private final SandboxNumbers numbers = SandboxNumbers.seeded();
  private final CustomerPhones phones = new CustomerPhones();
  private final ContentLibrary content;
  private final Conversations conversations;
  private final FlexTokens tokens;
  private volatile WorkerDirectory workerDirectory;
  private volatile SpecConformance specConformance;
  private volatile String backOfficeApiKey;
  private final TaskRouter taskRouter;
  private final FlexInteractions flexInteractions;
  private final FlexConfiguration flexConfiguration;

  private final List<Runnable> timers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sandbox-timers");
            t.setDaemon(true);
            return t;
          });

  SandboxWorld(SandboxAccount account, SandboxClock clock) {
    this.account = account;
    this.clock = clock;
    this.webhooks = new WebhookDispatcher(account, clock);
    this.content = ContentLibrary.seeded(clock.instant());
    this.conversations = new Conversations(account, clock, webhooks, phones, content);
    onTimerTick(conversations::sweepTimers);
    this.tokens = new FlexTokens(account.accountSid(), clock);
    this.taskRouter = TaskRouterSeed.create(account.accountSid(), clock, webhooks);
    onTimerTick(taskRouter::tick);
    // Flex sets interactions up after answering (R28), on the thread the sandbox timers use.
    this.flexInteractions = new FlexInteractions(taskRouter, clock, ticker);
    onTimerTick(flexInteractions::deleteIdleChannels);
    this.flexConfiguration = new FlexConfiguration(account, taskRouter, clock);
    this.workerDirectory = taskRouter.directory();
    flexInteractions.connect(conversations);
    clock.onAdvance(this::runTimers);
    ticker.scheduleWithFixedDelay(this::runTimers, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Registers a sweep that fires whatever has fallen due on the sandbox clock (conversation timers,
   * reservation timeouts, task TTLs). It runs every second of real time and right after every clock
   * jump, so a test that advances the clock sees the effects when the call returns.
   */
  public void onTimerTick(Runnable sweep) {
    timers.add(sweep);
  }

  private synchronized void runTimers() {
    for (Runnable sweep : timers) {
      try {
        sweep.run();
      } catch (RuntimeException e) {
        LOG.error("sandbox timer sweep failed", e);
      }
    }
  }

  public SandboxAccount account() {
    return account;
  }

  public SandboxClock clock() {
    return clock;
  }

  public CallLog calls() {
    return calls;
  }

  public Faults faults() {
    return faults;
  }

  public WebhookDispatcher webhooks() {
    return webhooks;
  }

  /** The account's own SMS and WhatsApp numbers. */
  public SandboxNumbers numbers() {
    return numbers;
  }

  /** The simulated customers' handsets. */
  public CustomerPhones phones() {
    return phones;
  }

  /** Content API templates. */
  public ContentLibrary content() {
    return content;
  }

  public Conversations conversations() {
    return conversations;
  }

  /** Flex agent tokens: issued by the control API, validated by the emulated IAM. */
  public FlexTokens tokens() {
    return tokens;
  }

  /** The seeded agents that can get a token (TaskRouter's workers). */
  public WorkerDirectory workerDirectory() {
    return workerDirectory;
  }

  public void useWorkerDirectory(WorkerDirectory directory) {
    this.workerDirectory = directory;
  }

  /** Spec checking of every emulator answer, when switched on ({@code SANDBOX_SPEC_DIR}). */
  public Optional<SpecConformance> specConformance() {
    return Optional.ofNullable(specConformance);
  }

  void checkAnswersWith(SpecConformance conformance) {
    this.specConformance = conformance;
  }

  /**
   * The kit's back-office API key, shown beside the account's credentials (start-up output and
   * {@code /sandbox/api/info}) so the back-office endpoints can be tried. The kit sets it; the
   * sandbox running alone has none.
   */
  public void showBackOfficeApiKey(String key) {
    this.backOfficeApiKey = key;
  }

  public Optional<String> backOfficeApiKey() {
    return Optional.ofNullable(backOfficeApiKey);
  }

  public TaskRouter taskRouter() {
    return taskRouter;
  }

  public FlexInteractions flexInteractions() {
    return flexInteractions;
  }

  public FlexConfiguration flexConfiguration() {
    return flexConfiguration;
  }

  /**
   * THE wiring point between Flex and Conversations: Flex creates, joins and closes conversations
   * through {@code api}, and receives its inbound handling and events. Call it once the
   * Conversations emulator exists (tests pass a fake).
   */
  public void connectFlexToConversations(ConversationsApi api) {
    flexInteractions.connect(api);
  }

  /**
   * Waits until Twilio's background work has run: every interaction accepted so far set up (R28)
   * and every webhook queued so far delivered, including the ones that work queued in turn.
   */
  public void awaitSettled(Duration max) {
    Instant deadline = Instant.now().plus(max);
    do {
      try {
        ticker.submit(() -> {}).get(max.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("interactions still setting up after " + max, e);
      }
      webhooks.awaitIdle(max);
    } while (!isSettled() && Instant.now().isBefore(deadline));
  }

  /** No interaction is setting up and no webhook is waiting to be delivered, right now. */
  public boolean isSettled() {
    return flexInteractions.settingUp() == 0 && webhooks.pending() == 0;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    webhooks.close();
  }
}
