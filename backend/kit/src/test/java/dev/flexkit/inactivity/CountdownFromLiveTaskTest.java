package dev.flexkit.inactivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flexkit.config.DatabaseSettings;
import dev.flexkit.inactivity.Timer.State;
import dev.flexkit.inactivity.TimersFixture.CountingActions;
import dev.flexkit.inactivity.TimersFixture.TestClock;
import dev.flexkit.store.Database;
import dev.flexkit.webhooks.ConversationEvent;
import dev.flexkit.webhooks.TaskRouterEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer's message where no countdown runs starts one when an agent already holds the task. */
class CountdownFromLiveTaskTest {
  private static final String CONVERSATION = TimersFixture.conversation(42);
  private static final String CUSTOMER = "+15550000042";

  private final TestClock clock = new TestClock();
  private final List<String> lookups = new ArrayList<>();
  private Timer.Assignment live;
  private Database db;
  private InactivityService service;

  @BeforeEach
  void open() {
    db =
        Database.open(
            new DatabaseSettings(
                "jdbc:h2:mem:live" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "sa",
                "",
                DatabaseSettings.Vendor.H2),
            2);
    LiveTasks tasks =
        conversationSid -> {
          lookups.add(conversationSid);
          return Optional.ofNullable(live);
        };
    service =
        new InactivityService(
            new InactivityTimers(db),
            (c, q) -> TimersFixture.SETTINGS,
            new CountingActions(),
            null,
            tasks,
            clock,
            1);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theFirstCustomerMessageOnAnAcceptedTaskWhoseAcceptanceWasMissedStartsTheCountdown() {
    live = assignment("WT1");
    customerWrites();
    Timer t = service.find(CONVERSATION).orElseThrow();
    assertThat(t.state()).isEqualTo(State.ACTIVE);
    assertThat(t.taskSid()).isEqualTo("WT1");
    assertThat(t.workerSid()).isEqualTo("WK7");
    assertThat(t.deadline()).isEqualTo(clock.instant().plusSeconds(120));

    clock.advance(Duration.ofSeconds(50));
    customerWrites();
    assertThat(lookups).hasSize(1);
    assertThat(service.find(CONVERSATION).orElseThrow().deadline())
        .isEqualTo(clock.instant().plusSeconds(120));
  }

  @Test
  void withNoLiveTaskTheLookUpIsRepeatedAtMostOnceAMinute() {
    customerWrites();
    clock.advance(Duration.ofSeconds(30));
    customerWrites();
    assertThat(lookups).hasSize(1);
    assertThat(service.find(CONVERSATION).orElseThrow().state()).isEqualTo(State.IDLE);

    live = assignment("WT1");
    clock.advance(Duration.ofSeconds(31));
    customerWrites();
    assertThat(lookups).hasSize(2);
    assertThat(service.find(CONVERSATION).orElseThrow().state()).isEqualTo(State.ACTIVE);
  }

  @Test
  void aCountdownStoppedForATaskIsNotRestartedForThatTaskButIsForTheNextOne() {
    service.onTaskRouterEvent(accepted("WT1"));
    service.onTaskRouterEvent(
        new TaskRouterEvent(
            Map.of("EventType", List.of("task.transfer-initiated"), "TaskSid", List.of("WT1"))));
    live = assignment("WT1");
    customerWrites();
    assertThat(service.find(CONVERSATION).orElseThrow().state()).isEqualTo(State.STOPPED);

    live = assignment("WT2");
    clock.advance(Duration.ofSeconds(61));
    customerWrites();
    Timer t = service.find(CONVERSATION).orElseThrow();
    assertThat(t.state()).isEqualTo(State.ACTIVE);
    assertThat(t.taskSid()).isEqualTo("WT2");
  }

  @Test
  void agentsMessagesNeverLookForATask() {
    live = assignment("WT1");
    service.onConversationEvent(
        new ConversationEvent(
            Map.of(
                "EventType",
                List.of("onMessageAdded"),
                "ConversationSid",
                List.of(CONVERSATION),
                "Author",
                List.of("alice@example.com"),
                "Source",
                List.of("SDK"))));
    assertThat(lookups).isEmpty();
    assertThat(service.find(CONVERSATION)).isEmpty();
  }

  private void customerWrites() {
    service.onConversationEvent(
        new ConversationEvent(
            Map.of(
                "EventType",
                List.of("onMessageAdded"),
                "ConversationSid",
                List.of(CONVERSATION),
                "Author",
                List.of(CUSTOMER),
                "Source",
                List.of("SMS"))));
  }

  private static Timer.Assignment assignment(String taskSid) {
    return new Timer.Assignment(
        CONVERSATION, taskSid, "WK7", "KD1", "UO1", "sms", "WQ1", CUSTOMER, "+15550009999");
  }

  private static TaskRouterEvent accepted(String taskSid) {
    String attributes =
        "{\"conversationSid\":\""
            + CONVERSATION
            + "\",\"channelType\":\"sms\",\"customerAddress\":\""
            + CUSTOMER
            + "\",\"flexInteractionSid\":\"KD1\",\"flexInteractionChannelSid\":\"UO1\"}";
    return new TaskRouterEvent(
        Map.of(
            "EventType",
            List.of("reservation.accepted"),
            "TaskSid",
            List.of(taskSid),
            "WorkerSid",
            List.of("WK7"),
            "TaskAttributes",
            List.of(attributes)));
  }
}
