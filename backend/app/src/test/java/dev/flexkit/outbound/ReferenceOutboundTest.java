package dev.flexkit.outbound;

import static dev.flexkit.outbound.OutboundFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.RunningKit;
import dev.flexkit.sandbox.taskrouter.TaskRouterSeed;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 000's endpoints as its plugin calls them: form fields, the Flex token in the body. */
class ReferenceOutboundTest {
  private static RunningKit kit;
  private static OutboundFixture f;
  private static String alice;
  private static String bob;
  private static String sms;
  private static String whatsapp;
  private static int customers = 300;

  @BeforeAll
  static void start() {
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
    alice = f.token("alice_40example_2Ecom");
    bob = f.token("bob_40example_2Ecom");
    kit.sandbox().faults().clear();
    kit.sandbox().calls().clear();
  }

  private static String newCustomer() {
    return "+1415555" + String.format("%04d", ++customers);
  }

  /** The fields the reference plugin posts, with a lying WorkerSid/WorkerFriendlyName (Alice's). */
  private static Map<String, String> seedForm(
      String to, String token, String openChat, String routeToMe, String body) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("OpenChatFlag", openChat);
    form.put("KnownAgentRoutingFlag", routeToMe);
    form.put("To", to);
    form.put("From", sms);
    form.put("Body", body);
    form.put("ContentTemplateSid", "undefined");
    form.put("WorkerSid", TaskRouterSeed.ALICE_WORKER_SID);
    form.put("WorkerFriendlyName", "alice_40example_2Ecom");
    form.put("WorkspaceSid", TaskRouterSeed.WORKSPACE_SID);
    form.put("Token", token);
    return form;
  }

  private HttpResponse<String> send(Map<String, String> form) {
    return f.postForm("/sendOutboundMessage", form);
  }

  private boolean anyConversationOrInteractionCall() {
    return f.calls().stream()
        .anyMatch(c -> c.path().startsWith("/conversations") || c.path().startsWith("/flex-api"));
  }

  @Test
  void openChatGoesToTheAgentTheTokenNamesNotTheWorkerTheClientClaims() throws Exception {
    String customer = newCustomer();
    int alices = f.reservations(TaskRouterSeed.ALICE_WORKER_SID).size();

    HttpResponse<String> r = send(seedForm(customer, bob, "true", "false", "Hello from Bob"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode reply = json(r);
    assertThat(reply.path("success").asBoolean()).isTrue();
    assertThat(reply.path("conversationSid").asText()).startsWith("CH");
    assertThat(reply.path("interactionSid").asText()).startsWith("KD");
    assertThat(f.inbox(customer)).containsExactly("Hello from Bob");
    assertThat(f.reservations(TaskRouterSeed.BOB_WORKER_SID)).contains("pending");
    assertThat(f.reservations(TaskRouterSeed.ALICE_WORKER_SID)).hasSize(alices);
  }

  @Test
  void replyToMeAsJsonRoutesTheCustomersAnswerToTheTokensAgent() throws Exception {
    String customer = newCustomer();
    String body =
        OutboundFixture.JSON
            .createObjectNode()
            .put("To", customer)
            .put("From", sms)
            .put("Body", "Your order shipped")
            .put("OpenChatFlag", false)
            .put("KnownAgentRoutingFlag", true)
            .put("WorkerSid", TaskRouterSeed.ALICE_WORKER_SID)
            .toString();

    HttpResponse<String> r = f.post("/sendOutboundMessage", body, bob);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).path("success").asBoolean()).isTrue();
    assertThat(json(r).has("interactionSid")).isFalse();
    int bobs = f.reservations(TaskRouterSeed.BOB_WORKER_SID).size();
    int alices = f.reservations(TaskRouterSeed.ALICE_WORKER_SID).size();
    f.customerWrites(customer, sms, "When will it arrive?");
    assertThat(f.reservations(TaskRouterSeed.BOB_WORKER_SID)).hasSize(bobs + 1);
    assertThat(f.reservations(TaskRouterSeed.ALICE_WORKER_SID)).hasSize(alices);
  }

  @Test
  void everyFaultyFieldIsReportedAtOnceUnderTheSeedsNamesAndNothingIsSent() throws Exception {
    Map<String, String> form = seedForm("12", alice, "maybe", "yes", "hi");
    form.put("From", "+15005550000");
    form.put("ContentTemplateSid", "HX1");

    HttpResponse<String> r = send(form);

    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode reply = json(r);
    assertThat(reply.path("success").asBoolean()).isFalse();
    assertThat(reply.path("errors").findValuesAsText("field"))
        .contains("To", "From", "ContentTemplateSid", "OpenChatFlag", "KnownAgentRoutingFlag");
    assertThat(reply.path("errorMessage").asText())
        .contains("To: ")
        .contains("OpenChatFlag: ")
        .doesNotContain("contentSid");
    assertThat(anyConversationOrInteractionCall()).isFalse();
  }

  @Test
  void aMissingOrForgedTokenIsRefusedInTheSeedsShapeBeforeAnythingIsSent() throws Exception {
    Map<String, String> form = seedForm(newCustomer(), alice, "true", "false", "hi");
    form.remove("Token");
    HttpResponse<String> missing = send(form);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(json(missing).path("success").asBoolean()).isFalse();
    assertThat(json(missing).path("code").asText()).isEqualTo("missing_token");

    form.put("Token", alice.substring(0, alice.length() - 4) + "AAAA");
    HttpResponse<String> forged = send(form);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(json(forged).path("errorMessage").asText()).isNotBlank();
    assertThat(anyConversationOrInteractionCall()).isFalse();
  }

  @Test
  void whatsappFreeTextOutsideTheWindowIsRefusedWithItsReason() throws Exception {
    Map<String, String> form = seedForm("whatsapp:" + newCustomer(), alice, "true", "false", "hi");
    form.put("From", whatsapp);

    HttpResponse<String> r = send(form);

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).path("code").asText()).isEqualTo("whatsapp_window_closed");
    assertThat(json(r).path("errorMessage").asText()).contains("24 hours");
  }

  @Test
  void aCustomerInAnotherAgentsLiveChatIsRefusedNamingTheConversation() throws Exception {
    String customer = newCustomer();
    String first =
        json(send(seedForm(customer, bob, "true", "false", "first")))
            .path("conversationSid")
            .asText();

    HttpResponse<String> r = send(seedForm(customer, alice, "true", "false", "second"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
    assertThat(json(r).path("success").asBoolean()).isFalse();
    assertThat(json(r).path("conversationSid").asText()).isEqualTo(first);
    assertThat(f.inbox(customer)).containsExactly("first");
  }

  @Test
  void aConversationWithoutALiveTaskIsReusedAsTheSeedDid() throws Exception {
    String customer = newCustomer();
    String first =
        json(send(seedForm(customer, alice, "false", "false", "first")))
            .path("conversationSid")
            .asText();

    HttpResponse<String> again = send(seedForm(customer, bob, "false", "true", "second"));

    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(json(again).path("conversationSid").asText()).isEqualTo(first);
    assertThat(f.inbox(customer)).containsExactly("first", "second");
  }

  @Test
  void unreadableBodiesAnswerInTheSeedsShapeToo() throws Exception {
    HttpResponse<String> malformed = f.post("/sendOutboundMessage", "{\"To\":", alice);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).path("success").asBoolean()).isFalse();

    HttpResponse<String> xml =
        kit.send(
            HttpRequest.newBuilder(kit.url("/sendOutboundMessage"))
                .header("Content-Type", "application/xml")
                .header("Authorization", "Bearer " + alice)
                .POST(HttpRequest.BodyPublishers.ofString("<To/>"))
                .build());
    assertThat(xml.statusCode()).isEqualTo(415);
    assertThat(json(xml).path("success").asBoolean()).isFalse();
  }

  @Test
  void contentTemplatesListOnlyApprovedOnesWithTheirVariablesForTheTokenInTheForm()
      throws Exception {
    HttpResponse<String> r = f.postForm("/getContentTemplates", Map.of("Token", alice));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode templates = json(r).path("templates");
    assertThat(templates.findValuesAsText("name"))
        .contains("order_update")
        .doesNotContain("spring_promo");
    assertThat(templates.get(0).path("sid").asText()).startsWith("HX");
    assertThat(templates.get(0).path("variables")).isNotEmpty();

    assertThat(f.postForm("/getContentTemplates", Map.of()).statusCode()).isEqualTo(401);
    assertThat(f.post("/getContentTemplates", "{\"Token\":\"" + alice + "\"}", null).statusCode())
        .isEqualTo(200);
  }
}
