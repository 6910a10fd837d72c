package dev.flexkit.outbound;

import static dev.flexkit.outbound.OutboundFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeds 001/002 as a CRM calls them, now with the API key they never had. */
class BackOfficeSmsTest {
  private static final String KEY = "crm-key-0123456789abcdef";
  private static final String TASK = "/flex-initiate-outbound-sms-task";
  private static final String NOTIFY = "/flex-initiate-outbound-sms";
  private static RunningKit kit;
  private static OutboundFixture f;
  private static String sms;
  private static int customers = 500;

  @BeforeAll
  static void start() {
    kit = RunningKit.start("BACKOFFICE_API_KEY", KEY);
    f = new OutboundFixture(kit);
    sms = kit.sandbox().numbers().sms().get(0);
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  @BeforeEach
  void clean() {
    kit.sandbox().faults().clear();
    kit.sandbox().calls().clear();
  }

  private static String newCustomer() {
    return "+1415555" + String.format("%04d", ++customers);
  }

  private static ObjectNode task(String customer) {
    return OutboundFixture.JSON
        .createObjectNode()
        .put("fromNumber", sms)
        .put("toName", "Dana Scully")
        .put("toNumber", customer);
  }

  private static ObjectNode notification(String customer, String body) {
    return task(customer).put("messageBody", body);
  }

  private HttpResponse<String> post(String path, ObjectNode body) {
    return f.post(path, body.toString(), null, "X-Api-Key", KEY);
  }

  private boolean anyConversationOrInteractionCall() {
    return f.calls().stream()
        .anyMatch(c -> c.path().startsWith("/conversations") || c.path().startsWith("/flex-api"));
  }

  @Test
  void aTaskForATargetWorkerIsReservedToThemWithTheSeedsAttributes() throws Exception {
    String customer = newCustomer();
    String source = "CH" + "0123456789abcdef".repeat(2);
    int bobs = f.reservations(TaskRouterSeed.BOB_WORKER_SID).size();

    HttpResponse<String> r =
        post(
            TASK,
            task(customer)
                .put("targetWorkerSid", TaskRouterSeed.BOB_WORKER_SID)
                .put("sourceChatChannelSid", source)
                .put("initialNotificationMessage", "Hi Dana, an agent will write shortly"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode reply = json(r);
    assertThat(reply.path("conversationSid").asText()).startsWith("CH");
    assertThat(reply.path("interactionSid").asText()).startsWith("KD");
    // Twilio sets the task up after answering (R28): the reply cannot name it.
    assertThat(reply.path("taskSid").asText(null)).isNull();
    JsonNode attributes =
        f.taskAttributes(f.reservedTaskOn(reply.path("conversationSid").asText()));
    assertThat(attributes.path("name").asText()).isEqualTo("Dana Scully");
    assertThat(attributes.path("from").asText()).isEqualTo(sms);
    assertThat(attributes.path("to").asText()).isEqualTo(customer);
    assertThat(attributes.path("direction").asText()).isEqualTo("outbound");
    assertThat(attributes.path("targetWorkerPhone").asText()).isEqualTo(sms);
    assertThat(attributes.path("autoAnswer").asBoolean()).isTrue();
    assertThat(attributes.path("sourceChatChannelSid").asText()).isEqualTo(source);
    assertThat(attributes.path("conversationSid").asText())
        .isEqualTo(reply.path("conversationSid").asText());
    assertThat(f.reservations(TaskRouterSeed.BOB_WORKER_SID)).hasSize(bobs + 1);
    assertThat(f.inbox(customer)).containsExactly("Hi Dana, an agent will write shortly");
    assertThat(
            kit.sandbox().conversations().get(reply.path("conversationSid").asText()).closedAfter())
        .isEqualTo(Duration.ofDays(1));
    // Round trips: the conversation with its closed timer, the customer, the interaction on it,
    // then the message.
    assertThat(f.count("POST", "/conversations/v1/Conversations")).isEqualTo(1);
    assertThat(f.count("POST", "/conversations/v1/Conversations/CH[0-9a-f]+/Participants"))
        .isEqualTo(1);
    assertThat(f.count("POST", "/flex-api/v1/Interactions")).isEqualTo(1);
    assertThat(f.count("POST", "/conversations/v1/Conversations/CH[0-9a-f]+/Messages"))
        .isEqualTo(1);
    assertThat(f.count("POST", "/conversations/v1/Conversations/CH[0-9a-f]+")).isZero();
  }

  @Test
  void aTaskWithoutATargetIsRoutedByTheWorkflowFromAFormWithABearerKey() throws Exception {
    String customer = newCustomer();
    int before =
        f.reservations(TaskRouterSeed.ALICE_WORKER_SID).size()
            + f.reservations(TaskRouterSeed.BOB_WORKER_SID).size();

    HttpResponse<String> r =
        f.postForm(
            TASK,
            Map.of("fromNumber", sms, "toName", "Fox Mulder", "toNumber", customer),
            "Authorization",
            "Bearer " + KEY);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode attributes =
        f.taskAttributes(f.reservedTaskOn(json(r).path("conversationSid").asText()));
    assertThat(attributes.path("targetWorkerPhone").asText()).isEqualTo(sms);
    assertThat(attributes.path("autoAnswer").asBoolean()).isTrue();
    assertThat(attributes.path("name").asText()).isEqualTo("Fox Mulder");
    assertThat(
            f.reservations(TaskRouterSeed.ALICE_WORKER_SID).size()
                + f.reservations(TaskRouterSeed.BOB_WORKER_SID).size())
        .isEqualTo(before + 1);
    assertThat(f.inbox(customer)).isEmpty();
  }

  @Test
  void fireAndForgetTextsTheCustomerWithoutATaskAndTheReplyBecomesOneForAnyone() throws Exception {
    String customer = newCustomer();

    HttpResponse<String> r =
        post(NOTIFY, notification(customer, "Your appointment is tomorrow at 9"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String conversation = json(r).path("conversationSid").asText();
    assertThat(json(r).path("messageSid").asText()).startsWith("IM");
    assertThat(f.inbox(customer)).containsExactly("Your appointment is tomorrow at 9");
    assertThat(f.count("POST", "/flex-api/v1/Interactions")).isZero();
    assertThat(f.liveTasksFor(customer)).isEmpty();
    assertThat(kit.sandbox().conversations().messages(conversation, false).get(0).author())
        .isEqualTo("system");

    f.customerWrites(customer, sms, "Can we make it 10?");

    List<String> tasks = f.liveTasksFor(customer);
    assertThat(tasks).hasSize(1);
    JsonNode attributes = f.taskAttributes(tasks.get(0));
    assertThat(attributes.path("name").asText()).isEqualTo("Dana Scully");
    assertThat(attributes.has("KnownAgentWorkerSid")).isFalse();
  }

  @Test
  void aSecondNotificationToTheSameCustomerJoinsTheirConversation() throws Exception {
    String customer = newCustomer();
    String first =
        json(post(NOTIFY, notification(customer, "one"))).path("conversationSid").asText();

    HttpResponse<String> again = post(NOTIFY, notification(customer, "two"));

    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(json(again).path("conversationSid").asText()).isEqualTo(first);
    assertThat(json(again).path("reused").asBoolean()).isTrue();
    assertThat(f.inbox(customer)).containsExactly("one", "two");
  }

  @Test
  void aCustomerWithALiveTaskIsNotGivenASecondOne() throws Exception {
    String customer = newCustomer();
    String first =
        json(post(TASK, task(customer).put("targetWorkerSid", TaskRouterSeed.ALICE_WORKER_SID)))
            .path("conversationSid")
            .asText();

    HttpResponse<String> r = post(TASK, task(customer));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
    assertThat(json(r).path("error").path("code").asText()).isEqualTo("conversation_busy");
    assertThat(json(r).path("error").path("conversationSid").asText()).isEqualTo(first);
    assertThat(f.liveTasksFor(customer)).hasSize(1);
  }

  @Test
  void aWaitingNotificationsConversationCanBeTakenOverByATask() throws Exception {
    String customer = newCustomer();
    String first =
        json(post(NOTIFY, notification(customer, "reminder"))).path("conversationSid").asText();

    HttpResponse<String> r =
        post(TASK, task(customer).put("targetWorkerSid", TaskRouterSeed.BOB_WORKER_SID));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).path("conversationSid").asText()).isEqualTo(first);
    f.customerWrites(customer, sms, "hello?");
    // The reply joins the task's conversation; it does not route the notification a second task.
    assertThat(f.liveTasksFor(customer)).hasSize(1);
  }

  @Test
  void everyMissingOrInvalidFieldIsReportedAtOnceAndNothingIsSent() throws Exception {
    HttpResponse<String> empty = post(NOTIFY, OutboundFixture.JSON.createObjectNode());
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json(empty).path("error").path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("fromNumber", "toName", "toNumber", "messageBody");

    HttpResponse<String> bad =
        post(
            TASK,
            OutboundFixture.JSON
                .createObjectNode()
                .put("fromNumber", "+15005550000")
                .put("toName", "x".repeat(256))
                .put("toNumber", "12")
                .put("targetWorkerSid", "WK1")
                .put("sourceChatChannelSid", "chat-9")
                .put("initialNotificationMessage", "y".repeat(1601)));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).path("error").path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder(
            "fromNumber",
            "toName",
            "toNumber",
            "targetWorkerSid",
            "sourceChatChannelSid",
            "initialNotificationMessage");
    assertThat(anyConversationOrInteractionCall()).isFalse();
  }

  @Test
  void whatsappFreeTextOutsideTheWindowIsRefusedBeforeAnyTwilioCall() throws Exception {
    String customer = "whatsapp:" + newCustomer();
    String sender = kit.sandbox().numbers().whatsapp().get(0);

    HttpResponse<String> notify =
        post(NOTIFY, notification(customer, "hi").put("fromNumber", sender));
    HttpResponse<String> task =
        post(
            TASK, task(customer).put("fromNumber", sender).put("initialNotificationMessage", "hi"));

    assertThat(notify.statusCode()).as(notify.body()).isEqualTo(422);
    assertThat(task.statusCode()).as(task.body()).isEqualTo(422);
    assertThat(json(task).path("error").path("code").asText()).isEqualTo("whatsapp_window_closed");
    assertThat(anyConversationOrInteractionCall()).isFalse();
  }

  @Test
  void withoutTheRightKeyNothingHappens() throws Exception {
    String customer = newCustomer();
    List<HttpResponse<String>> refused = new ArrayList<>();
    refused.add(f.post(NOTIFY, notification(customer, "x").toString(), null));
    refused.add(
        f.post(NOTIFY, notification(customer, "x").toString(), null, "X-Api-Key", KEY + "x"));
    refused.add(f.post(TASK, task(customer).toString(), "not-the-key-0123456789"));
    refused.add(f.post(TASK, task(customer).toString(), f.token("alice_40example_2Ecom")));

    assertThat(refused).extracting(HttpResponse::statusCode).containsOnly(401);
    assertThat(json(refused.get(0)).path("error").path("code").asText())
        .isEqualTo("missing_api_key");
    assertThat(json(refused.get(1)).path("error").path("code").asText())
        .isEqualTo("invalid_api_key");
    assertThat(refused.get(1).headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(anyConversationOrInteractionCall()).isFalse();
    assertThat(f.inbox(customer)).isEmpty();
  }

  @Test
  void theOpenApiDocumentDescribesTheDropInsAndTheKey() throws Exception {
    String doc = kit.get("/openapi.json").body();
    assertThat(doc)
        .contains(
            "\"/flex-initiate-outbound-sms-task\"",
            "\"/flex-initiate-outbound-sms\"",
            "\"/sendOutboundMessage\"",
            "\"/getContentTemplates\"",
            "\"backofficeApiKey\"",
            "\"X-Api-Key\"",
            "initialNotificationMessage",
            "ContentTemplateSid");
  }
}
