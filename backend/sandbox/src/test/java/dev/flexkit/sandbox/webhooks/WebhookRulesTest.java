package dev.flexkit.sandbox.webhooks;

import static dev.flexkit.sandbox.junit.TwilioHttp.assertError;
import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook rules R18–R26 and R47 of shared/reference/TWILIO-RULES.md, checked with a plain HTTP
 * client and a plain HTTP receiver, not twilio-java. R21 (pre-event answers) is not applicable: the
 * sandbox keeps a {@code PreWebhookUrl} but sends no pre-event webhooks.
 */
@ExtendWith(TwilioSandboxExtension.class)
class WebhookRulesTest {
  private static final String GLOBAL = "/conversations/v1/Configuration/Webhooks";

  private final TwilioSandbox twilio;
  private final TwilioHttp http;
  private final String service;
  private WebhookReceiver receiver;

  WebhookRulesTest(TwilioSandbox twilio) {
    this.twilio = twilio;
    this.http = new TwilioHttp(twilio);
    this.service = twilio.world().account().chatServiceSid();
  }

  @BeforeEach
  void receive() {
    receiver =
        new WebhookReceiver()
            .answer("/global", 200, null, 0)
            .answer("/pre", 200, "application/json", 0)
            .answer("/service", 200, null, 0)
            .answer("/slow", 200, null, 6_000)
            .answer("/tr-200", 200, "text/plain", 0)
            .answer("/tr-204", 204, "application/json", 0);
    json(http.post(scopedToService(), "PostWebhookUrl", "", "PreWebhookUrl", ""));
    json(
        http.post(
            GLOBAL,
            "PostWebhookUrl",
            receiver.url("/global"),
            "PreWebhookUrl",
            receiver.url("/pre"),
            "Filters",
            "onMessageAdded",
            "Filters",
            "onConversationAdded",
            "Target",
            "webhook"));
  }

  @AfterEach
  void stop() {
    json(http.post(GLOBAL, "PostWebhookUrl", "", "PreWebhookUrl", ""));
    json(http.post(scopedToService(), "PostWebhookUrl", "", "PreWebhookUrl", ""));
    twilio.world().webhooks().awaitIdle(Duration.ofSeconds(30));
    receiver.close();
  }

  @Test
  void r18_restActionsFireWebhooksOnlyWithTheHeader() {
    String quiet = json(http.post("/conversations/v1/Conversations")).path("sid").asText();
    json(http.post("/conversations/v1/Conversations/" + quiet + "/Messages", "Body", "no header"));
    idle();
    assertThat(receiver.at("/global")).as("REST actions without the header").isEmpty();

    String loud =
        json(http.postWithHeader(
                "X-Twilio-Webhook-Enabled", "true", "/conversations/v1/Conversations"))
            .path("sid")
            .asText();
    json(
        http.postWithHeader(
            "X-Twilio-Webhook-Enabled",
            "true",
            "/conversations/v1/Conversations/" + loud + "/Messages",
            "Body",
            "with the header"));
    idle();
    List<Map<String, String>> posted = forms("/global");
    assertThat(posted)
        .extracting(f -> f.get("EventType"))
        .containsExactly("onConversationAdded", "onMessageAdded");
    assertThat(posted).allSatisfy(f -> assertThat(f.get("Source")).isEqualTo("API"));
    assertThat(posted.get(1).get("ConversationSid")).isEqualTo(loud);
    assertThat(receiver.at("/pre")).as("only post-event webhooks").isEmpty();
  }

  @Test
  void r19_serviceScopedWebhooksOverrideGlobalOnes() {
    JsonNode scoped =
        json(
            http.post(
                scopedToService(),
                "PostWebhookUrl",
                receiver.url("/service"),
                "Filters",
                "onMessageAdded"));
    assertThat(scoped.path("chat_service_sid").asText()).isEqualTo(service);
    assertThat(scoped.path("post_webhook_url").asText()).isEqualTo(receiver.url("/service"));
    twilio.customerSends("+15550190019", twilio.smsNumbers().get(0), "who hears me?");
    await(() -> messageAdded("/service"));
    idle();
    assertThat(forms("/service")).extracting(f -> f.get("EventType")).contains("onMessageAdded");
    assertThat(receiver.at("/global")).as("the account-wide webhook, overridden").isEmpty();

    json(http.post(scopedToService(), "PostWebhookUrl", ""));
    twilio.customerSends("+15550190019", twilio.smsNumbers().get(0), "and now?");
    await(() -> messageAdded("/global"));
    assertThat(forms("/global")).extracting(f -> f.get("EventType")).contains("onMessageAdded");

    assertThat(
            http.get("/conversations/v1/Services/IS" + "0".repeat(32) + "/Configuration/Webhooks")
                .statusCode())
        .isEqualTo(404);

    // Conversation-scoped: at most five per conversation (ERR/50361; status undocumented: 400).
    String sid = json(http.post("/conversations/v1/Conversations")).path("sid").asText();
    for (int i = 0; i < 5; i++) {
      json(
          http.post(
              "/conversations/v1/Conversations/" + sid + "/Webhooks",
              "Target",
              "webhook",
              "Configuration.Url",
              receiver.url("/scoped" + i),
              "Configuration.Filters",
              "onMessageAdded"));
    }
    assertError(
        http.post(
            "/conversations/v1/Conversations/" + sid + "/Webhooks",
            "Target",
            "webhook",
            "Configuration.Url",
            receiver.url("/scoped5")),
        400,
        50361,
        "Too many conversation webhooks");
  }

  @Test
  void r20_eachScopeHasItsOwnTargets() {
    assertThat(http.post(GLOBAL, "Target", "studio").statusCode()).isEqualTo(400);
    assertThat(json(http.post(GLOBAL, "Target", "flex")).path("target").asText()).isEqualTo("flex");
    json(http.post(GLOBAL, "Target", "webhook"));
    String sid = json(http.post("/conversations/v1/Conversations")).path("sid").asText();
    String hooks = "/conversations/v1/Conversations/" + sid + "/Webhooks";
    assertThat(
            http.post(hooks, "Target", "flex", "Configuration.Url", receiver.url("/x"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            json(http.post(
                    hooks,
                    "Target",
                    "trigger",
                    "Configuration.Url",
                    receiver.url("/x"),
                    "Configuration.Triggers",
                    "help"))
                .path("target")
                .asText())
        .isEqualTo("trigger");
    assertThat(json(http.get(scopedToService())).has("target"))
        .as("a service's configuration has no target")
        .isFalse();
  }

  @Test
  void r22_webhooksAreFormPostsWithTheCommonFieldsAndTimeOutAfterFiveSeconds() {
    twilio.customerSends("+15550190022", twilio.smsNumbers().get(0), "form?");
    await(() -> messageAdded("/global"));
    WebhookReceiver.Received first =
        receiver.at("/global").stream()
            .filter(r -> r.body().contains("EventType=onMessageAdded"))
            .findFirst()
            .orElseThrow();
    assertThat(first.contentType()).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = form(first.body());
    assertThat(form.get("AccountSid")).isEqualTo(twilio.accountSid());
    assertThat(form.get("EventType")).isEqualTo("onMessageAdded");
    assertThat(form).containsKey("Source");
    assertThat(form).doesNotContainKey("ClientIdentity"); // SDK events only

    json(http.post(GLOBAL, "PostWebhookUrl", receiver.url("/slow")));
    twilio.customerSends("+15550190022", twilio.smsNumbers().get(0), "anyone?");
    await(
        () ->
            twilio.world().webhooks().deliveries().stream()
                .anyMatch(d -> d.url().endsWith("/slow") && d.status() + d.errorCode() > 0));
    assertThat(twilio.world().webhooks().deliveries())
        .filteredOn(d -> d.url().endsWith("/slow"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.errorCode()).isEqualTo(WebhookDispatcher.CONVERSATIONS_TIMEOUT);
              assertThat(d.errorCode()).isEqualTo(50076);
              assertThat(d.error()).contains("5 s");
            });
  }

  /** R23 (CWH): onMessageAdded's fields; Media only comes with media, which a text has none of. */
  @Test
  void r23_onMessageAddedCarriesTheMessageFields() {
    String customer = "+15550190023";
    twilio.customerSends(customer, twilio.smsNumbers().get(0), "fields, please");
    await(() -> messageAdded("/global"));
    Map<String, String> added =
        forms("/global").stream()
            .filter(f -> "onMessageAdded".equals(f.get("EventType")))
            .findFirst()
            .orElseThrow();
    assertThat(added)
        .containsKeys(
            "ConversationSid",
            "MessageSid",
            "MessagingServiceSid",
            "Index",
            "DateCreated",
            "Body",
            "Author",
            "ParticipantSid",
            "Attributes");
    assertThat(added.get("MessageSid")).startsWith("IM");
    assertThat(added.get("MessagingServiceSid")).startsWith("MG");
    assertThat(added.get("ParticipantSid")).startsWith("MB");
    assertThat(added.get("Index")).isEqualTo("0");
    assertThat(added.get("Body")).isEqualTo("fields, please");
    assertThat(added.get("Author")).isEqualTo(customer);
    assertThat(added.get("Attributes")).isEqualTo("{}");
    assertThat(java.time.Instant.parse(added.get("DateCreated"))).isNotNull();
    assertThat(added).as("a text carries no Media").doesNotContainKey("Media");
  }

  /**
   * R24 (CWH): onDeliveryUpdated's fields, with the channel's own message sid: SM… on SMS, WA… on
   * WhatsApp.
   */
  @Test
  void r24_onDeliveryUpdatedCarriesTheReceiptFields() {
    listenTo("onDeliveryUpdated");
    String sms = "+15550190024";
    String whatsapp = "whatsapp:+15550190124";
    twilio.customers().makeUnreachable(sms, 30003);
    try {
      String sid = json(http.post("/conversations/v1/Conversations")).path("sid").asText();
      String participants = "/conversations/v1/Conversations/" + sid + "/Participants";
      String smsParticipant =
          json(http.post(
                  participants,
                  "MessagingBinding.Address",
                  sms,
                  "MessagingBinding.ProxyAddress",
                  twilio.smsNumbers().get(0)))
              .path("sid")
              .asText();
      json(
          http.post(
              participants,
              "MessagingBinding.Address",
              whatsapp,
              "MessagingBinding.ProxyAddress",
              twilio.whatsappNumbers().get(0)));
      String message =
          json(http.post("/conversations/v1/Conversations/" + sid + "/Messages", "Body", "hi"))
              .path("sid")
              .asText();
      await(() -> forms("/global").stream().filter(this::deliveryUpdate).count() == 2);

      List<Map<String, String>> receipts =
          forms("/global").stream().filter(this::deliveryUpdate).toList();
      assertThat(receipts)
          .allSatisfy(
              f -> {
                assertThat(f)
                    .containsKeys(
                        "AccountSid",
                        "ConversationSid",
                        "ChatServiceSid",
                        "MessageSid",
                        "DeliveryReceiptSid",
                        "ChannelMessageSid",
                        "ParticipantSid",
                        "Status",
                        "ErrorCode",
                        "DateCreated",
                        "DateUpdated");
                assertThat(f.get("ConversationSid")).isEqualTo(sid);
                assertThat(f.get("ChatServiceSid")).isEqualTo(service);
                assertThat(f.get("MessageSid")).isEqualTo(message);
                assertThat(f.get("DeliveryReceiptSid")).startsWith("DY");
                assertThat(f.get("Status"))
                    .isIn("read", "failed", "delivered", "undelivered", "sent");
              });
      Map<String, String> bySms =
          receipts.stream()
              .filter(f -> f.get("ParticipantSid").equals(smsParticipant))
              .findFirst()
              .orElseThrow();
      assertThat(bySms.get("Status")).isEqualTo("undelivered");
      assertThat(bySms.get("ErrorCode")).isEqualTo("30003");
      assertThat(bySms.get("ChannelMessageSid")).startsWith("SM");
      Map<String, String> byWhatsApp =
          receipts.stream()
              .filter(f -> !f.get("ParticipantSid").equals(smsParticipant))
              .findFirst()
              .orElseThrow();
      assertThat(byWhatsApp.get("Status")).isEqualTo("failed");
      assertThat(byWhatsApp.get("ErrorCode")).isEqualTo("63016");
      assertThat(byWhatsApp.get("ChannelMessageSid")).startsWith("WA");
    } finally {
      twilio.customers().makeReachable(sms);
    }
  }

  /**
   * R25 (CWH): onParticipantAdded names the binding with its type in capitals; a state change says
   * from, to, when and why: API for a REST update, EVENT for a customer's message, TIMER for a
   * timer.
   */
  @Test
  void r25_stateUpdatesSayWhyAndParticipantsComeWithTheirBinding() {
    listenTo("onParticipantAdded", "onConversationStateUpdated");
    String customer = "+15550190025";
    String sid =
        json(http.postWithHeader(
                "X-Twilio-Webhook-Enabled",
                "true",
                "/conversations/v1/Conversations",
                "State",
                "active",
                "Timers.Inactive",
                "PT1M"))
            .path("sid")
            .asText();
    json(
        http.postWithHeader(
            "X-Twilio-Webhook-Enabled",
            "true",
            "/conversations/v1/Conversations/" + sid + "/Participants",
            "MessagingBinding.Address",
            customer,
            "MessagingBinding.ProxyAddress",
            twilio.smsNumbers().get(0)));
    idle();
    Map<String, String> added =
        forms("/global").stream()
            .filter(f -> "onParticipantAdded".equals(f.get("EventType")))
            .filter(f -> sid.equals(f.get("ConversationSid")))
            .findFirst()
            .orElseThrow();
    assertThat(added)
        .containsKeys("ParticipantSid", "DateCreated", "RoleSid", "Attributes")
        .containsEntry("MessagingBinding.Type", "SMS")
        .containsEntry("MessagingBinding.Address", customer)
        .containsEntry("MessagingBinding.ProxyAddress", twilio.smsNumbers().get(0));

    json(
        http.postWithHeader(
            "X-Twilio-Webhook-Enabled",
            "true",
            "/conversations/v1/Conversations/" + sid,
            "State",
            "inactive"));
    twilio.customerSends(customer, twilio.smsNumbers().get(0), "still there?");
    twilio.advance(Duration.ofMinutes(2));
    await(() -> stateUpdates(sid).size() == 3);

    List<Map<String, String>> updates = stateUpdates(sid);
    assertThat(updates)
        .extracting(f -> f.get("StateFrom") + ">" + f.get("StateTo") + " " + f.get("Reason"))
        .containsExactly("active>inactive API", "inactive>active EVENT", "active>inactive TIMER");
    assertThat(updates)
        .allSatisfy(
            f -> {
              assertThat(f.get("ChatServiceSid")).isEqualTo(service);
              assertThat(f.get("MessagingServiceSid")).startsWith("MG");
              assertThat(java.time.Instant.parse(f.get("StateUpdated"))).isNotNull();
            });
  }

  @Test
  void r26_webhooksAreSignedWithHmacSha1OfTheUrlAndTheSortedParameters() throws Exception {
    twilio.customerSends("+15550190026", twilio.smsNumbers().get(0), "sign & seal = done");
    await(() -> messageAdded("/global"));
    assertThat(receiver.at("/global")).isNotEmpty();
    for (WebhookReceiver.Received r : receiver.at("/global")) {
      StringBuilder data = new StringBuilder(receiver.url("/global"));
      form(r.body()).entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> data.append(e.getKey()).append(e.getValue()));
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(twilio.authToken().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      String expected =
          Base64.getEncoder()
              .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
      assertThat(r.signature()).isEqualTo(expected);
    }
  }

  @Test
  void r47_taskRouterEventsAreFormPostsThatMustBeAnswered204WithJson() {
    String workspace = "/taskrouter/v1/Workspaces/" + twilio.taskRouter().workspaceSid();
    String before = json(http.get(workspace)).path("event_callback_url").asText(null);
    try {
      for (String path : List.of("/tr-200", "/tr-204")) {
        json(
            http.post(
                workspace,
                "EventCallbackUrl",
                receiver.url(path),
                "EventsFilter",
                "task.created,task.canceled"));
        json(
            http.post(
                workspace + "/Tasks",
                "Attributes",
                "{}",
                "WorkflowSid",
                twilio.taskRouter().defaultWorkflowSid(),
                "TaskChannel",
                "default"));
        idle();
        WebhookReceiver.Received r = receiver.at(path).get(0);
        assertThat(r.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(form(r.body()).get("EventType")).isEqualTo("task.created");
      }
      assertThat(receiver.at("/tr-200")).hasSize(1);
      List<WebhookDispatcher.Delivery> deliveries = twilio.world().webhooks().deliveries();
      assertThat(deliveries)
          .filteredOn(d -> d.url().endsWith("/tr-200"))
          .singleElement()
          .satisfies(d -> assertThat(d.error()).contains("204").contains("application/json"));
      assertThat(deliveries)
          .filteredOn(d -> d.url().endsWith("/tr-204"))
          .singleElement()
          .satisfies(d -> assertThat(d.error()).isNull());
    } finally {
      json(http.post(workspace, "EventCallbackUrl", before == null ? "" : before));
    }
  }

  /** The account-wide webhook, listening to these events as well. */
  private void listenTo(String... events) {
    List<String> pairs =
        new ArrayList<>(List.of("Filters", "onMessageAdded", "Filters", "onConversationAdded"));
    for (String event : events) {
      pairs.add("Filters");
      pairs.add(event);
    }
    json(http.post(GLOBAL, pairs.toArray(String[]::new)));
  }

  private boolean deliveryUpdate(Map<String, String> form) {
    return "onDeliveryUpdated".equals(form.get("EventType"));
  }

  private List<Map<String, String>> stateUpdates(String conversationSid) {
    return forms("/global").stream()
        .filter(f -> "onConversationStateUpdated".equals(f.get("EventType")))
        .filter(f -> conversationSid.equals(f.get("ConversationSid")))
        .toList();
  }

  private String scopedToService() {
    return "/conversations/v1/Services/" + service + "/Configuration/Webhooks";
  }

  private boolean messageAdded(String path) {
    return receiver.at(path).stream().anyMatch(r -> r.body().contains("EventType=onMessageAdded"));
  }

  /** Customers' messages reach Conversations after the call that sends them returns. */
  private void await(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime())
          .as(
              "condition not met within 15 s; deliveries %s",
              twilio.world().webhooks().deliveries())
          .isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private void idle() {
    twilio.world().webhooks().awaitIdle(Duration.ofSeconds(30));
  }

  private List<Map<String, String>> forms(String path) {
    List<Map<String, String>> out = new ArrayList<>();
    receiver.at(path).forEach(r -> out.add(form(r.body())));
    return out;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
