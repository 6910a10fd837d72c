package dev.flexkit.outbound;

import static dev.flexkit.outbound.OutboundFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.conversations.ConversationsApi;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboundMessagesTest {
  private static RunningKit kit;
  private static OutboundFixture f;
  private static String alice;
  private static String bob;
  private static String sms;
  private static String whatsapp;
  private static int customers = 100;

  @BeforeAll
  static void start() throws Exception {
    kit = RunningKit.start();
    f = new OutboundFixture(kit);
    sms = kit.sandbox().numbers().sms().get(0);
    whatsapp = kit.sandbox().numbers().whatsapp().get(0);
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  @BeforeEach
  void clean() throws Exception {
    // Fresh tokens: a test may have moved the shared clock past the last ones' expiry.
    alice = f.token("alice_40example_2Ecom");
    bob = f.token("bob_40example_2Ecom");
    kit.sandbox().faults().clear();
    kit.sandbox().calls().clear();
  }

  /** A fresh, valid US number per test so bindings never collide across tests. */
  private static String newCustomer() {
    return "+1415555" + String.format("%04d", ++customers);
  }

  private static String openChat(String to, String body) {
    return "{\"to\":\"" + to + "\",\"body\":\"" + body + "\",\"mode\":\"open-chat\"}";
  }

  private static String waitForReply(String to, String body, String routeTo) {
    return "{\"to\":\""
        + to
        + "\",\"body\":\""
        + body
        + "\",\"mode\":\"wait-for-reply\",\"routeTo\":\""
        + routeTo
        + "\"}";
  }

  @Test
  void openChatTextsTheCustomerAndReservesTheSenderInFourSequentialRoundTrips() throws Exception {
    String customer = newCustomer();
    HttpResponse<String> r = f.send(bob, openChat(customer, "Hello from Bob"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode result = json(r);
    assertThat(result.path("conversationSid").asText()).startsWith("CH");
    assertThat(result.path("interactionSid").asText()).startsWith("KD");
    assertThat(result.path("reused").asBoolean()).isFalse();
    assertThat(f.inbox(customer)).containsExactly("Hello from Bob");
    f.reservedTaskOn(result.path("conversationSid").asText());
    assertThat(f.reservations(TaskRouterSeed.BOB_WORKER_SID)).contains("pending");
    // Round trips: the conversation with its closed timer; the customer, whose refusal is the only
    // synchronous sign that they are busy elsewhere (R9; an interaction leaves them out, R32); the
    // interaction on it (set up after it answers, R28); the message.
    assertThat(f.count("POST", "/conversations/v1/Conversations")).isEqualTo(1);
    assertThat(f.count("POST", "/conversations/v1/Conversations/CH[0-9a-f]+/Participants"))
        .isEqualTo(1);
    assertThat(f.count("POST", "/flex-api/v1/Interactions")).isEqualTo(1);
    assertThat(f.count("POST", "/conversations/v1/Conversations/CH[0-9a-f]+/Messages"))
        .isEqualTo(1);
    assertThat(f.count("POST", "/conversations/v1/Conversations/CH[0-9a-f]+")).isZero();
    var conversation = kit.sandbox().conversations().get(result.path("conversationSid").asText());
    assertThat(conversation.closedAfter()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void replyToMeGoesBackToTheSendingAgentOnlyWhenTheCustomerAnswers() throws Exception {
    String customer = newCustomer();
    HttpResponse<String> r = f.send(bob, waitForReply(customer, "Your order shipped", "me"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(json(r).has("interactionSid") && !json(r).path("interactionSid").isNull()).isFalse();
    assertThat(f.inbox(customer)).containsExactly("Your order shipped");
    // Round trips: the conversation with its attributes and timer, the customer, the message.
    // ConversationWithParticipants would be one call less, but adds the customer in the background
    // and refuses a message meanwhile (R7).
    assertThat(f.calls())
        .extracting(c -> c.method() + " " + c.path())
        .filteredOn(s -> !s.startsWith("POST /iam"))
        .hasSize(3);
    int before = f.reservations(TaskRouterSeed.BOB_WORKER_SID).size();

    f.customerWrites(customer, sms, "Thanks, when will it arrive?");

    assertThat(f.reservations(TaskRouterSeed.BOB_WORKER_SID)).hasSize(before + 1);
    JsonNode list = json(f.get("/api/outbound/sent", bob)).path("sent");
    assertThat(list.findValuesAsText("status")).contains("REPLIED");
    // Through the workflow the kit made at start through the API (not seeded: a fresh account has
    // only "Assign to Anyone"), which offers the reply to the sender first, then the queue.
    List<String> tasks = f.liveTasksFor(customer);
    assertThat(tasks).hasSize(1);
    assertThat(f.task(tasks.get(0)).path("workflow_friendly_name").asText())
        .isEqualTo("Flex Messaging Kit replies to the sender");
  }

  @Test
  void replyToAnyoneCreatesATaskAnyAvailableAgentCanGet() throws Exception {
    String customer = newCustomer();
    assertThat(f.send(alice, waitForReply(customer, "We have news", "any")).statusCode())
        .isEqualTo(201);

    f.customerWrites(customer, sms, "What news?");

    JsonNode send = json(f.get("/api/outbound/sent", alice)).path("sent");
    JsonNode mine = null;
    for (JsonNode s : send) {
      if (s.path("customerAddress").asText().equals(customer)) {
        mine = s;
      }
    }
    assertThat(mine.path("status").asText()).isEqualTo("REPLIED");
    assertThat(mine.path("interactionSid").asText()).startsWith("KD");
    JsonNode attributes =
        OutboundFixture.JSON.readTree(
            kit.sandbox().conversations().get(mine.path("conversationSid").asText()).attributes());
    assertThat(attributes.has("KnownAgentWorkerSid")).isFalse();
  }

  @Test
  void badRequestNamesEveryFaultyFieldAndCallsNoTwilio() throws Exception {
    HttpResponse<String> r =
        f.send(
            alice,
            "{\"to\":\"12\",\"channel\":\"fax\",\"body\":\"x\",\"contentSid\":\"HX1\",\"mode\":\"later\",\"onExisting\":\"maybe\"}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("error").path("errors").findValuesAsText("field"))
        .contains("to", "channel", "contentSid", "mode", "onExisting");
    assertThat(f.calls())
        .noneMatch(c -> c.path().startsWith("/conversations") || c.path().startsWith("/flex-api"));
  }

  @Test
  void aSenderOutsideTheConfiguredOnesIsRefused() throws Exception {
    HttpResponse<String> r =
        f.send(
            alice,
            "{\"to\":\""
                + newCustomer()
                + "\",\"from\":\"+15005550000\",\"body\":\"hi\",\"mode\":\"open-chat\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("error").path("field").asText()).isEqualTo("from");
  }

  @Test
  void whatsappFreeTextOutsideTheWindowIsRefusedBeforeAnyTwilioCall() throws Exception {
    String customer = newCustomer();
    String freeText =
        "{\"to\":\""
            + customer
            + "\",\"channel\":\"whatsapp\",\"body\":\"hi\",\"mode\":\"open-chat\"}";

    HttpResponse<String> refused = f.send(alice, freeText);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(json(refused).path("error").path("code").asText())
        .isEqualTo("whatsapp_window_closed");
    assertThat(f.calls())
        .noneMatch(c -> c.path().startsWith("/conversations") || c.path().startsWith("/flex-api"));

    f.customerWrites("whatsapp:" + customer, whatsapp, "Hi there");
    JsonNode window =
        json(
            f.get(
                "/api/outbound/window?to="
                    + customer.replace("+", "%2B")
                    + "&from="
                    + whatsapp.replace("+", "%2B"),
                alice));
    assertThat(window.path("open").asBoolean()).as(window.toString()).isTrue();

    kit.sandbox().clock().advance(Duration.ofHours(25));
    alice = f.token("alice_40example_2Ecom");
    window =
        json(
            f.get(
                "/api/outbound/window?to="
                    + customer.replace("+", "%2B")
                    + "&from="
                    + whatsapp.replace("+", "%2B"),
                alice));
    assertThat(window.path("open").asBoolean()).isFalse();
    assertThat(window.path("lastInboundAt").isTextual()).isTrue();
  }

  @Test
  void whatsappTemplateOutsideTheWindowReachesTheCustomerRendered() throws Exception {
    String customer = newCustomer();
    JsonNode templates =
        json(f.get("/api/templates?channel=whatsapp", alice)).path("contentTemplates");
    JsonNode orderUpdate = null;
    for (JsonNode t : templates) {
      if (t.path("name").asText().equals("order_update")) {
        orderUpdate = t;
      }
    }
    assertThat(orderUpdate).isNotNull();
    HttpResponse<String> r =
        f.send(
            alice,
            "{\"to\":\""
                + customer
                + "\",\"channel\":\"whatsapp\",\"contentSid\":\""
                + orderUpdate.path("sid").asText()
                + "\",\"contentVariables\":{\"1\":\"Dana\",\"2\":\"#77\"},\"mode\":\"wait-for-reply\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(String.join("", f.inbox("whatsapp:" + customer))).contains("Dana").contains("#77");
  }

  @Test
  void templatesListCannedMessagesAndOnlyApprovedWhatsappTemplates() throws Exception {
    JsonNode sms = json(f.get("/api/templates?channel=sms", alice));
    assertThat(sms.path("canned").findValuesAsText("id")).contains("follow-up", "appointment");
    assertThat(sms.path("contentTemplates")).isEmpty();
    JsonNode wa = json(f.get("/api/templates?channel=whatsapp", alice));
    assertThat(wa.path("contentTemplates").findValuesAsText("name"))
        .contains("order_update")
        .doesNotContain("spring_promo");
    assertThat(wa.path("contentTemplates").get(0).path("variables")).isNotEmpty();
    assertThat(f.get("/api/templates?channel=fax", alice).statusCode()).isEqualTo(400);
  }

  /** Defect 2 of "Twilio as it really is": a Flex workspace has no whatsapp task channel (R39). */
  @Test
  void aWhatsappOpenChatsTaskIsOnTheWorkspacesChatChannel() throws Exception {
    String customer = newCustomer();
    String template = null;
    for (JsonNode t :
        json(f.get("/api/templates?channel=whatsapp", alice)).path("contentTemplates")) {
      if (t.path("name").asText().equals("order_update")) {
        template = t.path("sid").asText();
      }
    }
    HttpResponse<String> r =
        f.send(
            bob,
            "{\"to\":\""
                + customer
                + "\",\"channel\":\"whatsapp\",\"contentSid\":\""
                + template
                + "\",\"contentVariables\":{\"1\":\"Dana\",\"2\":\"#78\"},\"mode\":\"open-chat\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);

    String task = f.reservedTaskOn(json(r).path("conversationSid").asText());
    assertThat(kit.sandbox().taskRouter().flexSnapshot(task).orElseThrow())
        .containsEntry("task_channel_unique_name", "chat");
    assertThat(f.taskAttributes(task).path("channelType").asText()).isEqualTo("whatsapp");
  }

  /**
   * Defect 4: a conversation another integration opened with the customer is found before any
   * interaction (an interaction would silently leave the customer out, R32): 409 naming it, nothing
   * left behind, nothing sent.
   */
  @Test
  void aConversationOpenedOutsideTheKitIsReportedAndNothingIsCreatedOrSent() throws Exception {
    String customer = newCustomer();
    String elsewhere =
        kit.sandbox()
            .conversations()
            .createConversation(
                "another integration",
                Map.of(),
                List.of(new ConversationsApi.CustomerBinding(customer, sms)));
    kit.sandbox().calls().clear();

    HttpResponse<String> conflict = f.send(bob, openChat(customer, "hello"));
    assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
    assertThat(json(conflict).path("error").path("conversationSid").asText()).isEqualTo(elsewhere);
    assertThat(f.count("POST", "/flex-api/v1/Interactions")).isZero();
    assertThat(f.count("POST", "/conversations/v1/Conversations/CH[0-9a-f]+/Messages")).isZero();
    assertThat(f.count("DELETE", "/conversations/v1/Conversations/CH[0-9a-f]+")).isEqualTo(1);
    assertThat(f.openConversations(customer)).containsExactly(elsewhere);
    assertThat(f.inbox(customer)).isEmpty();
  }

  @Test
  void anExistingConversationIsReportedWithItsOwnerAndCanBeClosedThenSent() throws Exception {
    String customer = newCustomer();
    String first =
        json(f.send(alice, waitForReply(customer, "first", "me"))).path("conversationSid").asText();

    HttpResponse<String> conflict = f.send(bob, openChat(customer, "second"));
    assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
    JsonNode error = json(conflict).path("error");
    assertThat(error.path("code").asText()).isEqualTo("conversation_exists");
    assertThat(error.path("conversationSid").asText()).isEqualTo(first);
    assertThat(error.has("ownerIdentity")).isTrue();
    assertThat(error.has("taskStatus")).isTrue();

    HttpResponse<String> closed =
        f.send(
            bob,
            "{\"to\":\""
                + customer
                + "\",\"body\":\"second\",\"mode\":\"open-chat\",\"onExisting\":\"close\"}");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(201);
    assertThat(json(closed).path("conversationSid").asText()).isNotEqualTo(first);
    assertThat(kit.sandbox().conversations().get(first).state()).isEqualTo("closed");
    assertThat(f.inbox(customer)).containsExactly("first", "second");
  }

  @Test
  void reuseKeepsTheConversationAndRoutesTheReplyToTheNewSender() throws Exception {
    String customer = newCustomer();
    String first =
        json(f.send(alice, waitForReply(customer, "first", "me"))).path("conversationSid").asText();

    HttpResponse<String> reused =
        f.send(
            bob,
            "{\"to\":\""
                + customer
                + "\",\"body\":\"second\",\"mode\":\"wait-for-reply\",\"onExisting\":\"reuse\"}");
    assertThat(reused.statusCode()).as(reused.body()).isEqualTo(201);
    assertThat(json(reused).path("conversationSid").asText()).isEqualTo(first);
    assertThat(json(reused).path("reused").asBoolean()).isTrue();
    JsonNode attributes =
        OutboundFixture.JSON.readTree(kit.sandbox().conversations().get(first).attributes());
    assertThat(attributes.path("KnownAgentWorkerSid").asText())
        .isEqualTo(TaskRouterSeed.BOB_WORKER_SID);
    int bobs = f.reservations(TaskRouterSeed.BOB_WORKER_SID).size();

    f.customerWrites(customer, sms, "ok");
    assertThat(f.reservations(TaskRouterSeed.BOB_WORKER_SID)).hasSize(bobs + 1);
  }

  @Test
  void theSameIdempotencyKeySendsOnceAndAnswersTheSame() throws Exception {
    String customer = newCustomer();
    HttpResponse<String> a =
        f.send(alice, openChat(customer, "once"), "Idempotency-Key", "k-" + customer);
    HttpResponse<String> b =
        f.send(alice, openChat(customer, "once"), "Idempotency-Key", "k-" + customer);

    assertThat(a.statusCode()).isEqualTo(201);
    assertThat(b.statusCode()).isEqualTo(201);
    assertThat(json(b)).isEqualTo(json(a));
    assertThat(f.inbox(customer)).containsExactly("once");
    assertThat(
            f.send(alice, openChat(customer, "other"), "Idempotency-Key", "k-" + customer)
                .statusCode())
        .isEqualTo(422);
  }

  @Test
  void openChatFailingBeforeTheMessageLeavesNothingBehind() throws Exception {
    String customer = newCustomer();
    for (String step :
        List.of(
            "POST /conversations/v1/Conversations",
            "POST /conversations/v1/Conversations/CH[0-9a-f]+/Participants",
            "POST /flex-api/v1/Interactions")) {
      f.fail(step, 1);
      assertThat(f.send(alice, openChat(customer, "x")).statusCode())
          .as(step)
          .isGreaterThanOrEqualTo(500);
      assertThat(f.openConversations(customer)).as(step).isEmpty();
    }
    // The conversations made before the participant and the interaction failed are gone again.
    assertThat(f.count("DELETE", "/conversations/v1/Conversations/CH[0-9a-f]+")).isEqualTo(2);
    assertThat(f.inbox(customer)).isEmpty();
    assertThat(f.send(alice, openChat(customer, "retry")).statusCode()).isEqualTo(201);
    assertThat(f.inbox(customer)).containsExactly("retry");
  }

  @Test
  void openChatFailingAtTheMessageClosesItsConversationAndTask() throws Exception {
    String customer = newCustomer();
    f.fail("POST /conversations/v1/Conversations/CH[0-9a-f]+/Messages", 1);
    HttpResponse<String> failed =
        f.send(alice, openChat(customer, "x"), "Idempotency-Key", "m-" + customer);
    assertThat(failed.statusCode()).isGreaterThanOrEqualTo(500);
    assertThat(f.inbox(customer)).isEmpty();
    assertThat(f.count("POST", "/flex-api/v1/Interactions/KD[0-9a-f]+/Channels/UO[0-9a-f]+"))
        .isEqualTo(1);
    // The binding is free again, and the same key may retry.
    HttpResponse<String> retry =
        f.send(alice, openChat(customer, "x"), "Idempotency-Key", "m-" + customer);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
    assertThat(f.inbox(customer)).containsExactly("x");
  }

  @Test
  void waitForReplyFailingAtTheConversationOrTheMessageLeavesNoConversation() throws Exception {
    String customer = newCustomer();
    f.fail("POST /conversations/v1/Conversations", 1);
    assertThat(f.send(alice, waitForReply(customer, "x", "me")).statusCode())
        .isGreaterThanOrEqualTo(500);

    f.fail("POST /conversations/v1/Conversations/CH[0-9a-f]+/Participants", 1);
    assertThat(f.send(alice, waitForReply(customer, "x", "me")).statusCode())
        .isGreaterThanOrEqualTo(500);
    assertThat(f.count("DELETE", "/conversations/v1/Conversations/CH[0-9a-f]+")).isEqualTo(1);

    f.fail("POST /conversations/v1/Conversations/CH[0-9a-f]+/Messages", 1);
    assertThat(f.send(alice, waitForReply(customer, "x", "me")).statusCode())
        .isGreaterThanOrEqualTo(500);
    assertThat(f.count("DELETE", "/conversations/v1/Conversations/CH[0-9a-f]+")).isEqualTo(2);
    assertThat(f.openConversations(customer)).isEmpty();
    assertThat(
            json(f.get("/api/outbound/sent", alice))
                .path("sent")
                .findValuesAsText("customerAddress"))
        .doesNotContain(customer);

    assertThat(f.send(alice, waitForReply(customer, "x", "me")).statusCode()).isEqualTo(201);
    assertThat(f.inbox(customer)).containsExactly("x");
  }

  @Test
  void aWaitingSendCanBeCancelledWhichClosesItsConversation() throws Exception {
    String customer = newCustomer();
    String sid =
        json(f.send(alice, waitForReply(customer, "cancel me", "me")))
            .path("conversationSid")
            .asText();
    assertThat(
            json(f.get("/api/outbound/sent", alice))
                .path("sent")
                .findValuesAsText("conversationSid"))
        .contains(sid);
    assertThat(f.delete("/api/outbound/sent/" + sid, bob).statusCode()).isEqualTo(404);

    assertThat(f.delete("/api/outbound/sent/" + sid, alice).statusCode()).isEqualTo(204);
    assertThat(kit.sandbox().conversations().get(sid).state()).isEqualTo("closed");
  }
}
