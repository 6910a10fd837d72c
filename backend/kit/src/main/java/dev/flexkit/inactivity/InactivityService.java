package dev.flexkit.inactivity;

import dev.flexkit.inactivity.Timer.State;
import dev.flexkit.webhooks.ConversationEvent;
import dev.flexkit.webhooks.TaskRouterEvent;
import dev.flexkit.whatsapp.WhatsappWindows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Twilio's events into timer changes, and an agent's snooze, pause and resume; the steps that
 * fall due are {@link DueSteps}'.
 */
public final class InactivityService {
  private static final Logger LOG = LoggerFactory.getLogger(InactivityService.class);
  private static final Duration TASK_CHECK_INTERVAL = Duration.ofMinutes(1);
  private static final Set<String> STOPPING_TASK_EVENTS =
      Set.of(
          "task.completed",
          "task.canceled",
          "task.deleted",
          "task.system-deleted",
          "task.wrapup",
          "task.transfer-initiated");

  private final InactivityTimers timers;
  private final SettingsSource settings;
  private final LiveTasks liveTasks;
  private final Clock clock;
  private final DueSteps steps;

  public InactivityService(
      InactivityTimers timers, SettingsSource settings, InactivityActions actions, Clock clock) {
    this(timers, settings, actions, clock, 1);
  }

  /**
   * {@code parallelism}: steps performed at once. Each is a Twilio round trip, so a sweep that took
   * them one by one would fall behind; the gateway still bounds the calls in flight.
   */
  public InactivityService(
      InactivityTimers timers,
      SettingsSource settings,
      InactivityActions actions,
      Clock clock,
      int parallelism) {
    this(timers, settings, actions, null, null, clock, parallelism);
  }

  /**
   * {@code windows}: the shared WhatsApp windows (null: never checked). {@code liveTasks}: where a
   * customer's message on an untracked conversation looks for an agent's task (null: never).
   */
  public InactivityService(
      InactivityTimers timers,
      SettingsSource settings,
      InactivityActions actions,
      WhatsappWindows windows,
      LiveTasks liveTasks,
      Clock clock,
      int parallelism) {
    this.timers = timers;
    this.settings = settings;
    this.liveTasks = liveTasks;
    this.clock = clock;
    this.steps = new DueSteps(timers, settings, actions, windows, clock, parallelism);
  }

  public void onConversationEvent(ConversationEvent e) {
    String conversationSid = e.conversationSid().orElse(null);
    if (conversationSid == null) {
      return;
    }
    switch (e.eventType()) {
      case "onMessageAdded" -> messageAdded(conversationSid, e);
      case "onConversationStateUpdated" -> {
        if ("closed".equals(e.get("StateTo").orElse(""))) {
          timers.stopConversation(conversationSid, clock.instant());
        }
      }
      case "onConversationRemoved" -> timers.stopConversation(conversationSid, clock.instant());
      default -> {}
    }
  }

  private void messageAdded(String conversationSid, ConversationEvent e) {
    Instant now = clock.instant();
    String author = e.author().orElse("");
    // The common case, a customer writing during a countdown, is this one statement.
    if (!author.isEmpty() && timers.resetByCustomer(conversationSid, author, now)) {
      return;
    }
    Optional<Timer> row = timers.find(conversationSid);
    String customer = row.map(Timer::customerAddress).orElse(null);
    boolean fromCustomer =
        customer != null
            ? customer.equals(author)
            : e.source().map(s -> s.equals("SMS") || s.equals("WHATSAPP")).orElse(false);
    if (row.isEmpty() || !row.get().running()) {
      if (fromCustomer && !author.isEmpty()) {
        startFromLiveTask(conversationSid, author, row.orElse(null), now);
      }
      return;
    }
    Timer t = row.get();
    InactivitySettings s = settings.forChannel(t.channelType(), t.queueSid());
    if (fromCustomer || (s.agentMessagesReset() && !author.equals(s.author()))) {
      // The countdown keeps the settings it started with; rows from before they were kept take
      // today's.
      InactivitySettings armedWith =
          t.timerSec() == null || t.warningSec() == null
              ? s
              : new InactivitySettings(
                  t.timerSec(),
                  t.warningSec(),
                  s.warningMessage(),
                  s.author(),
                  s.agentMessagesReset());
      Instant deadline = now.plusSeconds(armedWith.timerSec());
      timers.reset(conversationSid, armedWith, deadline, warningAt(deadline, armedWith), now);
    }
  }

  /**
   * A customer wrote and no countdown runs. If an agent already holds a live task for this
   * conversation (its acceptance was missed, or the countdown was stopped for an earlier task), the
   * countdown starts now. TaskRouter is asked at most once a minute per conversation.
   */
  private void startFromLiveTask(String conversationSid, String customer, Timer row, Instant now) {
    if (liveTasks == null
        || !timers.claimTaskCheck(conversationSid, customer, now, now.minus(TASK_CHECK_INTERVAL))) {
      return;
    }
    Optional<Timer.Assignment> live;
    try {
      live = liveTasks.assignedTaskOf(conversationSid);
    } catch (RuntimeException ex) {
      LOG.warn("could not look for a live task on {}: {}", conversationSid, ex.getMessage());
      return;
    }
    // The task a countdown stopped for (transferred, wrapped up) is not restarted; a new one is.
    live.filter(a -> row == null || row.state() == State.IDLE || !a.taskSid().equals(row.taskSid()))
        .ifPresent(
            a -> {
              LOG.info(
                  "countdown on {} starts from live task {}, found on a customer's message (its acceptance is late or was lost)",
                  conversationSid,
                  a.taskSid());
              arm(a, now);
            });
  }

  public void onTaskRouterEvent(TaskRouterEvent e) {
    if (e.eventType().equals("reservation.accepted")) {
      accepted(e);
    } else if (STOPPING_TASK_EVENTS.contains(e.eventType())) {
      e.taskSid().ifPresent(task -> timers.stopTask(task, clock.instant()));
    }
  }

  private void accepted(TaskRouterEvent e) {
    if (e.taskSid().isEmpty()) {
      return;
    }
    TaskAssignments.from(
            e.taskAttributes().orElse("{}"),
            e.taskSid().get(),
            e.workerSid().orElse(null),
            e.get("TaskQueueSid").orElse(null),
            e.get("TaskChannelUniqueName").orElse(null))
        .ifPresent(a -> arm(a, clock.instant()));
  }

  private void arm(Timer.Assignment a, Instant now) {
    InactivitySettings s = settings.forChannel(a.channelType(), a.queueSid());
    Instant deadline = now.plusSeconds(s.timerSec());
    if (timers.arm(a, s, deadline, warningAt(deadline, s), now)) {
      LOG.info(
          "countdown on {} started for task {}: {} s, warning {} s before",
          a.conversationSid(),
          a.taskSid(),
          s.timerSec(),
          s.warningSec());
    }
  }

  private static Instant warningAt(Instant deadline, InactivitySettings s) {
    return warningAt(deadline, s.warningSec());
  }

  private static Instant warningAt(Instant deadline, int warningSec) {
    return warningSec > 0 ? deadline.minusSeconds(warningSec) : null;
  }

  /** Performs every step due now; returns how many this instance performed. */
  public int fireDue() {
    return steps.fireDue();
  }

  /** Stops the step workers; steps in flight finish or stay due for another replica. */
  public void close() {
    steps.close();
  }

  public Optional<Timer> find(String conversationSid) {
    return timers.find(conversationSid);
  }

  public List<Timer> forWorker(String workerSid) {
    return timers.forWorker(workerSid);
  }

  /** Extends a running timer by {@code minutes}, or pauses it until the customer writes again. */
  public Optional<Timer> snooze(Timer t, Integer minutes, boolean pause) {
    Instant now = clock.instant();
    boolean ok;
    if (pause) {
      ok = timers.reschedule(t, State.PAUSED, null, null, null, now);
    } else {
      Instant base = t.deadline() == null || t.deadline().isBefore(now) ? now : t.deadline();
      Instant deadline = base.plus(Duration.ofMinutes(minutes));
      Instant warningAt = warningAt(deadline, warningSec(t));
      boolean warned = t.state() == State.WARNED || t.state() == State.WARNING;
      State state = warned ? State.WARNED : State.ACTIVE;
      ok =
          timers.reschedule(
              t,
              state,
              deadline,
              warningAt,
              warned || warningAt == null ? deadline : warningAt,
              now);
    }
    return ok ? timers.find(t.conversationSid()) : Optional.empty();
  }

  /** Restarts a paused countdown from now, in full, as a customer's message would. */
  public Optional<Timer> resume(Timer t) {
    Instant now = clock.instant();
    int timerSec =
        t.timerSec() != null
            ? t.timerSec()
            : settings.forChannel(t.channelType(), t.queueSid()).timerSec();
    Instant deadline = now.plusSeconds(timerSec);
    Instant warningAt = warningAt(deadline, warningSec(t));
    boolean ok =
        timers.reschedule(
            t, State.ACTIVE, deadline, warningAt, warningAt == null ? deadline : warningAt, now);
    return ok ? timers.find(t.conversationSid()) : Optional.empty();
  }

  private int warningSec(Timer t) {
    return t.warningSec() != null
        ? t.warningSec()
        : settings.forChannel(t.channelType(), t.queueSid()).warningSec();
  }
}
