package dev.flexkit.outbound;

import static dev.flexkit.outbound.OutboundFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.webhooks.WebhookDispatcher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The first message's delivery, as Twilio reports it, on the sending agent's list. */
class DeliveryFailuresTest {
  private static RunningKit kit;
  private static OutboundFixture f;
  private static String alice;
  private static String bob;
  private static int customers = 500;

  @BeforeAll
  static void start() {
    kit = RunningKit.start();
    f = new OutboundFixture(kit);
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  @BeforeEach
  void tokens() throws Exception {
    alice = f.token("alice_40example_2Ecom");
    bob = f.token("bob_40example_2Ecom");
  }

  private static String newCustomer() {
    return "+1415556" + String.format("%04d", ++customers);
  }

  private static String request(String to, String mode) {
    return "{\"to\":\""
        + to
        + "\",\"body\":\"Your parcel is here\",\"mode\":\""
        + mode
        + "\",\"routeTo\":\"me\","
        + "\"customerName\":\"Dana\"}";
  }

  private static void unreachable(String customer, String body) {
    var r = f.post("/sandbox/api/customers/" + customer + "/unreachable", body, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static JsonNode listed(String token, String conversationSid) throws Exception {
    for (JsonNode item : json(f.get("/api/outbound/sent", token)).path("sent")) {
      if (item.path("conversationSid").asText().equals(conversationSid)) {
        return item;
      }
    }
    return null;
  }

  @Test
  void aWaitingSendShowsNoDeliveryUntilTwilioReportsOne() throws Exception {
    String sid =
        json(f.send(alice, request(newCustomer(), "wait-for-reply")))
            .path("conversationSid")
            .asText();
    f.settle();

    JsonNode item = listed(alice, sid);
    assertThat(item.path("mode").asText()).isEqualTo("wait-for-reply");
    assertThat(item.path("status").asText()).isEqualTo("WAITING");
    assertThat(item.path("customerName").asText()).isEqualTo("Dana");
    assertThat(item.path("messageSid").asText()).startsWith("IM");
    assertThat(item.path("delivery").has("status")).isTrue();
    assertThat(item.path("delivery").path("status").isNull()).isTrue();
    assertThat(item.path("delivery").path("errorCode").isNull()).isTrue();
  }

  @Test
  void anUnreachableHandsetMakesTheWaitingSendUndeliveredWithTwilioCode() throws Exception {
    String customer = newCustomer();
    unreachable(customer, "{\"errorCode\":30005}");

    var r = f.send(alice, request(customer, "wait-for-reply"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    f.settle();

    assertThat(f.inbox(customer)).isEmpty();
    JsonNode delivery = listed(alice, json(r).path("conversationSid").asText()).path("delivery");
    assertThat(delivery.path("status").asText()).isEqualTo("undelivered");
    assertThat(delivery.path("errorCode").asInt()).isEqualTo(30005);
    assertThat(delivery.path("errorMessage").asText()).contains("Unknown destination handset");
    assertThat(delivery.path("updatedAt").asText()).isNotEmpty();
    assertThat(listed(bob, json(r).path("conversationSid").asText()))
        .as("only the sender sees it")
        .isNull();
  }

  @Test
  void aFailedOpenChatIsListedSoTheAgentLearnsOfItButADeliveredOneIsNot() throws Exception {
    String lost = newCustomer();
    unreachable(lost, "{}");
    String failedSid =
        json(f.send(bob, request(lost, "open-chat"))).path("conversationSid").asText();
    String fineSid =
        json(f.send(bob, request(newCustomer(), "open-chat"))).path("conversationSid").asText();
    f.settle();

    JsonNode failed = listed(bob, failedSid);
    assertThat(failed.path("mode").asText()).isEqualTo("open-chat");
    assertThat(failed.path("status").asText()).isEqualTo("OPENED");
    assertThat(failed.path("delivery").path("status").asText()).isEqualTo("undelivered");
    assertThat(failed.path("delivery").path("errorCode").asInt()).isEqualTo(30003);
    assertThat(listed(bob, fineSid)).isNull();
    assertThat(f.delete("/api/outbound/sent/" + failedSid, bob).statusCode()).isEqualTo(409);
  }

  @Test
  void aRetriedOrLateReceiptChangesNothingAndOtherMessagesAreIgnored() throws Exception {
    String customer = newCustomer();
    unreachable(customer, "{\"errorCode\":30003}");
    JsonNode sent = json(f.send(alice, request(customer, "wait-for-reply")));
    String sid = sent.path("conversationSid").asText();
    f.settle();
    JsonNode before = listed(alice, sid).path("delivery");
    String url =
        kit.sandbox().webhooks().deliveries().stream()
            .filter(d -> d.eventType().equals("onDeliveryUpdated"))
            .map(WebhookDispatcher.Delivery::url)
            .findFirst()
            .orElseThrow();

    // Twilio retries the same receipt, sends an older "sent" one late, and reports on another
    // message.
    kit.sandbox()
        .webhooks()
        .postSingle(
            url,
            receipt(
                sid,
                sent.path("messageSid").asText(),
                "undelivered",
                "30003",
                before.path("updatedAt").asText()));
    kit.sandbox()
        .webhooks()
        .postSingle(
            url,
            receipt(
                sid, sent.path("messageSid").asText(), "sent", "0", "2020-01-01T00:00:00.000Z"));
    kit.sandbox()
        .webhooks()
        .postSingle(
            url,
            receipt(
                sid,
                "IM00000000000000000000000000000000",
                "delivered",
                "0",
                "2099-01-01T00:00:00.000Z"));
    f.settle();

    assertThat(kit.sandbox().webhooks().deliveries())
        .filteredOn(d -> d.eventType().equals("onDeliveryUpdated"))
        .allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
    assertThat(listed(alice, sid).path("delivery")).isEqualTo(before);
    assertThat(
            json(f.get("/api/outbound/sent", alice))
                .path("sent")
                .findValuesAsText("conversationSid")
                .stream()
                .filter(sid::equals))
        .hasSize(1);
  }

  @Test
  void aReachableAgainHandsetGetsTheNextMessage() throws Exception {
    String customer = newCustomer();
    unreachable(customer, "{}");
    assertThat(f.delete("/sandbox/api/customers/" + customer + "/unreachable", null).statusCode())
        .isEqualTo(204);
    f.send(alice, request(customer, "wait-for-reply"));
    assertThat(f.inbox(customer)).containsExactly("Your parcel is here");
    var bad =
        f.post(
            "/sandbox/api/customers/" + customer + "/unreachable", "{\"errorCode\":63016}", null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).path("error").path("field").asText()).isEqualTo("errorCode");
  }

  @Test
  void aConversationClosedBeforeTheReplyLeavesTheWaitingList() throws Exception {
    String sid =
        json(f.send(alice, request(newCustomer(), "wait-for-reply")))
            .path("conversationSid")
            .asText();
    kit.sandbox().clock().advance(Duration.ofDays(1).plusMinutes(1));
    f.settle();
    alice = f.token("alice_40example_2Ecom"); // the last one expired with the jump

    assertThat(kit.sandbox().conversations().get(sid).state()).isEqualTo("closed");
    assertThat(listed(alice, sid).path("status").asText()).isEqualTo("CLOSED");
    assertThat(f.delete("/api/outbound/sent/" + sid, alice).statusCode()).isEqualTo(409);
  }

  private static Map<String, String> receipt(
      String conversationSid, String messageSid, String status, String errorCode, String updated) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("EventType", "onDeliveryUpdated");
    p.put("ConversationSid", conversationSid);
    p.put("MessageSid", messageSid);
    p.put("Status", status);
    p.put("ErrorCode", errorCode);
    p.put("DateUpdated", updated);
    return p;
  }
}
