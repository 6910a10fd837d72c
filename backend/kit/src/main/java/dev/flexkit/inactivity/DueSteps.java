package dev.flexkit.inactivity;

import dev.flexkit.inactivity.Timer.State;
import dev.flexkit.twilio.TwilioCallException;
import dev.flexkit.whatsapp.WhatsappWindows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs the warnings and wrap-ups that fall due. Each step first wins a compare-and-set on the
 * row and only then has its side effect, so a step runs once however many replicas see it due; a
 * wrap-up stays due (retried) until Twilio confirms it.
 */
final class DueSteps {
  private static final Logger LOG = LoggerFactory.getLogger(DueSteps.class);
  private static final Duration STEP_RETRY = Duration.ofSeconds(30);

  private final InactivityTimers timers;
  private final SettingsSource settings;
  private final InactivityActions actions;
  private final WhatsappWindows windows;
  private final Clock clock;
  private final ExecutorService workers;

  /**
   * {@code parallelism}: steps performed at once. Each is a Twilio round trip, so a sweep that took
   * them one by one would fall behind; the gateway still bounds the calls in flight.
   */
  DueSteps(
      InactivityTimers timers,
      SettingsSource settings,
      InactivityActions actions,
      WhatsappWindows windows,
      Clock clock,
      int parallelism) {
    this.timers = timers;
    this.settings = settings;
    this.actions = actions;
    this.windows = windows;
    this.clock = clock;
    this.workers =
        parallelism <= 1
            ? null
            : Executors.newFixedThreadPool(
                parallelism,
                r -> {
                  Thread t = new Thread(r, "inactivity-step");
                  t.setDaemon(true);
                  return t;
                });
  }

  /** Performs every step due now; returns how many this instance performed. */
  int fireDue() {
    int fired = 0;
    for (int round = 0; round < 100; round++) {
      List<Timer> due = timers.due(clock.instant(), 200);
      if (due.isEmpty()) {
        break;
      }
      int done =
          workers == null
              ? (int) due.stream().filter(this::fireSafely).count()
              : fireInParallel(due);
      fired += done;
      if (done == 0) {
        break;
      }
    }
    return fired;
  }

  private int fireInParallel(List<Timer> due) {
    List<Callable<Boolean>> steps =
        due.stream().<Callable<Boolean>>map(t -> () -> fireSafely(t)).toList();
    int done = 0;
    try {
      for (Future<Boolean> f : workers.invokeAll(steps)) {
        done += f.get() ? 1 : 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.error("inactivity step failed", e.getCause());
    }
    return done;
  }

  private boolean fireSafely(Timer t) {
    try {
      return fire(t);
    } catch (RuntimeException ex) {
      LOG.error("inactivity step for {} failed", t.conversationSid(), ex);
      return false;
    }
  }

  /** Stops the step workers; steps in flight finish or stay due for another replica. */
  void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
  }

  private boolean fire(Timer t) {
    Instant now = clock.instant();
    switch (t.state()) {
      case ACTIVE, WARNING -> {
        // A warning never started is skipped once the deadline has passed (every replica was down
        // through the warning time): followed at once by the wrap-up, it would tell the customer
        // nothing. One already started (WARNING) is finished, or found sent, first.
        if (t.warningAt() == null || (t.state() == State.ACTIVE && !now.isBefore(t.deadline()))) {
          return expire(t, now);
        }
        // Claim first (WARNING, due again after STEP_RETRY as a lease), then send, then record:
        // a crash or a Twilio outage in between leaves the row due, and the retry checks for the
        // message before sending it again.
        if (!timers.transition(t, State.WARNING, now.plus(STEP_RETRY), now)) {
          return false;
        }
        Timer claimed = t.withState(State.WARNING, now.plus(STEP_RETRY));
        if (whatsappWindowClosed(t)) {
          LOG.info(
              "no inactivity warning on {}: the WhatsApp window is closed", t.conversationSid());
        } else {
          try {
            actions.warn(
                claimed,
                settings.forChannel(t.channelType(), t.queueSid()),
                t.state() == State.WARNING);
            LOG.info("inactivity warning on {} (task {})", t.conversationSid(), t.taskSid());
          } catch (TwilioCallException e) {
            if (!isClientError(e)) {
              LOG.warn(
                  "inactivity warning on {} failed, will retry: {}",
                  t.conversationSid(),
                  e.getMessage());
              return true;
            }
            LOG.warn(
                "inactivity warning on {} refused by Twilio, not retried: {}",
                t.conversationSid(),
                e.getMessage());
          }
        }
        timers.transition(claimed, State.WARNED, t.deadline(), clock.instant());
        return true;
      }
      case WARNED, EXPIRED -> {
        return expire(t, now);
      }
      default -> {
        return false;
      }
    }
  }

  private boolean expire(Timer t, Instant now) {
    // Expired rows stay due until Twilio confirms the wrap-up: a crash or an outage retries it.
    if (!timers.transition(t, State.EXPIRED, now.plus(STEP_RETRY), now)) {
      return false;
    }
    Timer claimed = t.withState(State.EXPIRED, now.plus(STEP_RETRY));
    if (actions.wrapUp(claimed)) {
      timers.transition(claimed, State.EXPIRED, null, clock.instant());
      LOG.info(
          "task {} on {} moved to wrap-up: the customer was inactive",
          t.taskSid(),
          t.conversationSid());
    }
    return true;
  }

  static boolean isClientError(TwilioCallException e) {
    return e.twilioStatus() >= 400 && e.twilioStatus() < 500 && e.twilioStatus() != 429;
  }

  /**
   * No free-form warning outside WhatsApp's 24 h window, which outbound records per customer and
   * sender.
   */
  private boolean whatsappWindowClosed(Timer t) {
    if (!"whatsapp".equals(t.channelType()) || windows == null) {
      return false;
    }
    String sender = t.senderAddress();
    if (sender == null && t.customerAddress() != null) {
      sender = actions.whatsappSender(t).orElse(null);
      if (sender != null) {
        timers.rememberSender(t.conversationSid(), sender);
      }
    }
    if (sender == null || t.customerAddress() == null) {
      LOG.warn(
          "cannot tell whether the WhatsApp window of {} is open; warning anyway",
          t.conversationSid());
      return false;
    }
    return !windows.window(t.customerAddress(), sender).open();
  }
}
