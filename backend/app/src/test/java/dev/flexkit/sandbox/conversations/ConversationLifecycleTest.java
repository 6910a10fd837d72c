package dev.flexkit.sandbox.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.rest.conversations.v1.Conversation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conversations themselves: create, fetch, update, delete, list, states and timers. */
class ConversationLifecycleTest {
  @RegisterExtension static final EmulatedTwilio twilio = new EmulatedTwilio();

  private static void assertTwilioError(Runnable call, int status, int code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(status);
              assertThat(e.getCode()).isEqualTo(code);
            });
  }

  @Test
  void aConversationCanBeCreatedFetchedByUniqueNameUpdatedAndDeleted() {
    String unique = "case-" + UUID.randomUUID();
    Conversation created =
        Conversation.creator()
            .setFriendlyName("Order 1042")
            .setUniqueName(unique)
            .setAttributes("{\"topic\":\"order\"}")
            .create(twilio.client());
    assertThat(created.getSid()).matches("CH[0-9a-f]{32}");
    assertThat(created.getState()).isEqualTo(Conversation.State.ACTIVE);
    assertThat(created.getAccountSid()).isEqualTo(twilio.world().account().accountSid());
    assertThat(created.getChatServiceSid()).startsWith("IS");
    assertThat(created.getUrl().toString())
        .isEqualTo("https://conversations.twilio.com/v1/Conversations/" + created.getSid());
    assertThat(created.getLinks()).containsKeys("participants", "messages", "webhooks");
    assertThat(created.getTimers()).isEqualTo(Map.of());

    Conversation byName = Conversation.fetcher(unique).fetch(twilio.client());
    assertThat(byName.getSid()).isEqualTo(created.getSid());
    assertThat(byName.getAttributes()).isEqualTo("{\"topic\":\"order\"}");

    Conversation updated =
        Conversation.updater(created.getSid())
            .setFriendlyName("Order 1042 (returned)")
            .setAttributes("{\"topic\":\"return\"}")
            .update(twilio.client());
    assertThat(updated.getFriendlyName()).isEqualTo("Order 1042 (returned)");
    assertThat(updated.getAttributes()).isEqualTo("{\"topic\":\"return\"}");

    assertThat(Conversation.deleter(created.getSid()).delete(twilio.client())).isTrue();
    assertTwilioError(
        () -> Conversation.fetcher(created.getSid()).fetch(twilio.client()), 404, 20404);
  }

  @Test
  void anUnknownConversationIs20404WithTwilioWording() {
    HttpResponse<String> r =
        twilio.twilio("GET", "/conversations/v1/Conversations/CH" + "0".repeat(32));
    assertThat(r.statusCode()).isEqualTo(404);
    JsonNode body = EmulatedTwilio.json(r);
    assertThat(body.path("code").asInt()).isEqualTo(20404);
    assertThat(body.path("message").asText())
        .isEqualTo("The requested resource /Conversations/CH" + "0".repeat(32) + " was not found");
    assertTwilioError(
        () -> Conversation.updater("nope").setFriendlyName("x").update(twilio.client()),
        404,
        20404);
  }

  @Test
  void aSecondConversationWithTheSameUniqueNameIsAConflict() {
    String unique = "dup-" + UUID.randomUUID();
    Conversation.creator().setUniqueName(unique).create(twilio.client());
    assertTwilioError(
        () -> Conversation.creator().setUniqueName(unique).create(twilio.client()), 409, 50353);
  }

  @Test
  void attributesMustBeJson() {
    assertTwilioError(
        () -> Conversation.creator().setAttributes("{not json").create(twilio.client()),
        400,
        20001);
  }

  @Test
  void listsPageThroughEveryConversationWithTwilioJava() {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mine.add(
          Conversation.creator().setFriendlyName("paged " + i).create(twilio.client()).getSid());
    }
    ResourceSet<Conversation> all = Conversation.reader().pageSize(2).read(twilio.client());
    List<String> seen = new ArrayList<>();
    all.forEach(c -> seen.add(c.getSid()));
    assertThat(seen).containsAll(mine).doesNotHaveDuplicates();
    assertThat(all.getPageSize()).isEqualTo(2);

    HttpResponse<String> page = twilio.twilio("GET", "/conversations/v1/Conversations?PageSize=2");
    JsonNode meta = EmulatedTwilio.json(page).path("meta");
    assertThat(meta.path("key").asText()).isEqualTo("conversations");
    assertThat(meta.path("next_page_url").asText())
        .startsWith("https://conversations.twilio.com/v1/Conversations?PageSize=2&Page=1");
  }

  @Test
  void listsFilterByState() {
    String inactive =
        Conversation.creator()
            .setState(Conversation.State.INACTIVE)
            .create(twilio.client())
            .getSid();
    List<String> sids = new ArrayList<>();
    Conversation.reader()
        .setState(Conversation.State.INACTIVE)
        .pageSize(50)
        .read(twilio.client())
        .forEach(
            c -> {
              assertThat(c.getState()).isEqualTo(Conversation.State.INACTIVE);
              sids.add(c.getSid());
            });
    assertThat(sids).contains(inactive);
  }

  @Test
  void closedIsFinalAndCannotBeTheInitialState() {
    Conversation c = Conversation.creator().create(twilio.client());
    Conversation closed =
        Conversation.updater(c.getSid())
            .setState(Conversation.State.CLOSED)
            .update(twilio.client());
    assertThat(closed.getState()).isEqualTo(Conversation.State.CLOSED);
    assertTwilioError(
        () ->
            Conversation.updater(c.getSid())
                .setState(Conversation.State.ACTIVE)
                .update(twilio.client()),
        400,
        50377);
    assertTwilioError(
        () -> Conversation.creator().setState(Conversation.State.CLOSED).create(twilio.client()),
        400,
        50384);
    HttpResponse<String> bad =
        twilio.twilio("POST", "/conversations/v1/Conversations", "State", "sleeping");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(EmulatedTwilio.json(bad).path("code").asInt()).isEqualTo(50378);
  }

  @Test
  void timersMoveTheConversationToInactiveThenClosedOnTheSandboxClock() {
    Conversation c =
        Conversation.creator()
            .setState(Conversation.State.ACTIVE)
            .setTimersInactive("PT1M")
            .setTimersClosed("PT10M")
            .create(twilio.client());
    @SuppressWarnings("unchecked")
    Map<String, Object> timers = (Map<String, Object>) c.getTimers();
    assertThat(timers).containsKeys("date_inactive", "date_closed");

    twilio.world().clock().advance(Duration.ofSeconds(61));
    Conversation idle = Conversation.fetcher(c.getSid()).fetch(twilio.client());
    assertThat(idle.getState()).isEqualTo(Conversation.State.INACTIVE);
    assertThat(((Map<?, ?>) idle.getTimers()).keySet().toString()).isEqualTo("[date_closed]");

    twilio.world().clock().advance(Duration.ofMinutes(10));
    Conversation gone = Conversation.fetcher(c.getSid()).fetch(twilio.client());
    assertThat(gone.getState()).isEqualTo(Conversation.State.CLOSED);
    assertThat((Map<?, ?>) gone.getTimers()).isEmpty();
  }

  @Test
  void r4_timersShorterThanTwilioAllowsAreRefused() {
    assertTwilioError(
        () ->
            Conversation.creator()
                .setState(Conversation.State.ACTIVE)
                .setTimersInactive("PT30S")
                .create(twilio.client()),
        400,
        50375);
    assertTwilioError(
        () ->
            Conversation.creator()
                .setState(Conversation.State.ACTIVE)
                .setTimersClosed("PT5M")
                .create(twilio.client()),
        400,
        50376);
  }

  /** R27: twilio-java reads the Flex Chat Service as the account's default service. */
  @Test
  void theFlexChatServiceIsTheDefaultConversationsService() {
    String sid =
        com.twilio.rest.conversations.v1.Configuration.fetcher()
            .fetch(twilio.client())
            .getDefaultChatServiceSid();
    assertThat(
            com.twilio.rest.conversations.v1.Service.fetcher(sid)
                .fetch(twilio.client())
                .getFriendlyName())
        .isEqualTo("Flex Chat Service");
    List<String> all = new ArrayList<>();
    com.twilio.rest.conversations.v1.Service.reader()
        .read(twilio.client())
        .forEach(s -> all.add(s.getSid()));
    assertThat(all).containsExactly(sid);
    assertThat(Conversation.creator().create(twilio.client()).getChatServiceSid()).isEqualTo(sid);
  }
}
