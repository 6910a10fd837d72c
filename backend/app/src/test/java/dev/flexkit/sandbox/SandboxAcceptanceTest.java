package dev.flexkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.conversations.v1.conversation.Message;
import com.twilio.rest.conversations.v1.conversation.Participant;
import com.twilio.rest.flexapi.v1.Interaction;
import com.twilio.rest.flexapi.v1.interaction.interactionchannel.InteractionChannelInvite;
import dev.flexkit.RunningKit;
import dev.flexkit.twilio.TwilioClients;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's acceptance, as a newcomer's script would do it: a stock Twilio client library
 * configured with nothing but a base URL and the credentials from {@code /sandbox/api/info}.
 */
class SandboxAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RunningKit kit;
  private static JsonNode info;
  private static TwilioRestClient twilio;

  @BeforeAll
  static void start() throws Exception {
    kit = RunningKit.start();
    info = JSON.readTree(kit.get("/sandbox/api/info").body());
    twilio =
        TwilioClients.emulated(
                kit.url("/twilio"),
                info.path("accountSid").asText(),
                info.path("authToken").asText())
            .client();
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  private static String smsNumber() {
    return info.at("/numbers/sms/0").asText();
  }

  private static JsonNode inbox(String address) throws Exception {
    return JSON.readTree(
            kit.get(
                    "/sandbox/api/customers/"
                        + java.net.URLEncoder.encode(address, "UTF-8")
                        + "/messages")
                .body())
        .path("messages");
  }

  private static void customerSends(String from, String to, String body) {
    var r =
        kit.send(
            HttpRequest.newBuilder(kit.url("/sandbox/api/customers/messages"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"from\":\""
                            + from
                            + "\",\"to\":\""
                            + to
                            + "\",\"body\":\""
                            + body
                            + "\"}"))
                .build());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
  }

  @Test
  void aConversationWithAnSmsCustomerDeliversOurMessageAndTakesTheirReply() throws Exception {
    String customer = "+15557654321";
    Conversation conversation = Conversation.creator().setFriendlyName("Acceptance").create(twilio);
    Participant.creator(conversation.getSid())
        .setMessagingBindingAddress(customer)
        .setMessagingBindingProxyAddress(smsNumber())
        .create(twilio);
    Message.creator(conversation.getSid())
        .setAuthor("agent")
        .setBody("Your order has shipped")
        .create(twilio);

    assertThat(inbox(customer))
        .extracting(m -> m.path("body").asText())
        .containsExactly("Your order has shipped");

    customerSends(customer, smsNumber(), "Thanks!");
    List<String> bodies = new ArrayList<>();
    Message.reader(conversation.getSid()).read(twilio).forEach(m -> bodies.add(m.getBody()));
    assertThat(bodies).containsExactly("Your order has shipped", "Thanks!");

    Conversation second = Conversation.creator().create(twilio);
    assertThatThrownBy(
            () ->
                Participant.creator(second.getSid())
                    .setMessagingBindingAddress(customer)
                    .setMessagingBindingProxyAddress(smsNumber())
                    .create(twilio))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(50416);
              assertThat(e.getStatusCode()).isEqualTo(409);
              assertThat(e.getMessage()).contains(conversation.getSid());
            });
  }

  @Test
  void anAgentInitiatedInteractionReservesTheSeededAgent() throws Exception {
    JsonNode worker = info.path("workers").get(0);
    String queueSid = info.at("/queues/0/sid").asText();
    Interaction interaction =
        Interaction.creator(
                Map.of(
                    "type",
                    "sms",
                    "initiated_by",
                    "agent",
                    "participants",
                    List.of(Map.of("address", "+15550009999", "proxy_address", smsNumber()))))
            .setRouting(
                Map.of(
                    "properties",
                    Map.of(
                        "workspace_sid", info.path("workspaceSid").asText(),
                        "workflow_sid", info.at("/workflows/0/sid").asText(),
                        "queue_sid", queueSid,
                        "worker_sid", worker.path("sid").asText(),
                        "task_channel_unique_name", "sms",
                        "attributes", Map.of("customerName", "Sam", "autoAnswer", true))))
            .create(twilio);
    // The task is set up after Twilio answers (R28): the channel's invite names it once it is.
    String channelSid = JSON.valueToTree(interaction.getChannel()).path("sid").asText();
    Instant deadline = Instant.now().plusSeconds(5);
    String taskSid = null;
    while (taskSid == null && Instant.now().isBefore(deadline)) {
      for (InteractionChannelInvite invite :
          InteractionChannelInvite.reader(interaction.getSid(), channelSid).read(twilio)) {
        taskSid = JSON.valueToTree(invite.getRouting()).path("properties").path("sid").asText(null);
      }
    }
    assertThat(taskSid).as("the interaction's task").isNotNull();

    JsonNode workers = JSON.readTree(kit.get("/sandbox/api/workers").body()).path("workers");
    JsonNode mine = null;
    for (JsonNode w : workers) {
      if (w.path("sid").asText().equals(worker.path("sid").asText())) {
        mine = w;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.path("reservations").findValuesAsText("taskSid")).contains(taskSid);
  }

  @Test
  void listsPageLikeTwilioAndErrorsAreTwilios() {
    for (int i = 0; i < 5; i++) {
      Conversation.creator().setFriendlyName("paging-" + i).create(twilio);
    }
    ResourceSet<Conversation> all = Conversation.reader().pageSize(2).read(twilio);
    int seen = 0;
    for (Conversation ignored : all) {
      seen++;
    }
    assertThat(seen).isGreaterThanOrEqualTo(5);
    assertThat(all.getPageSize()).isEqualTo(2L);

    assertThatThrownBy(() -> Conversation.fetcher("CH" + "f".repeat(32)).fetch(twilio))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20404));
    TwilioRestClient wrong =
        TwilioClients.emulated(
                kit.url("/twilio"), info.path("accountSid").asText(), "not-the-token")
            .client();
    assertThatThrownBy(() -> Conversation.reader().read(wrong).iterator().next())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20003));
  }
}
