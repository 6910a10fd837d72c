package dev.flexkit.sandbox.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.RunningKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker catches answers Twilio would never give, against Twilio's real specs. */
class SpecConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPECS =
      Path.of(System.getProperty("sandbox.spec.dir", "target/twilio-oai"));
  private static final String CH = "CH" + "a".repeat(32);

  private static SpecConformance.Exchange fetchConversation(
      int status, String contentType, String body) {
    return new SpecConformance.Exchange(
        "GET",
        "/conversations/v1/Conversations/" + CH,
        Map.of(),
        null,
        new byte[0],
        status,
        contentType,
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode twiliosOwnExample() throws Exception {
    JsonNode spec = JSON.readTree(SPECS.resolve("twilio_conversations_v1.json").toFile());
    JsonNode examples =
        spec.at(
            "/paths/~1v1~1Conversations~1{Sid}/get/responses/200/content/application~1json/examples");
    return (ObjectNode) examples.elements().next().path("value").deepCopy();
  }

  @Test
  void twiliosOwnExampleConforms() throws Exception {
    SpecConformance checker = SpecConformance.against(SPECS, null);
    assertThat(
            checker.check(
                fetchConversation(200, "application/json", twiliosOwnExample().toString())))
        .isEmpty();
    assertThat(checker.violations()).isEmpty();
  }

  @Test
  void aMissingFieldAWrongTypeAndABadSidAreCaught() throws Exception {
    SpecConformance checker = SpecConformance.against(SPECS, null);
    ObjectNode missing = twiliosOwnExample();
    missing.remove("chat_service_sid");
    assertThat(checker.check(fetchConversation(200, "application/json", missing.toString())))
        .anySatisfy(p -> assertThat(p).contains("chat_service_sid"));

    ObjectNode wrongType = twiliosOwnExample();
    wrongType.put("links", "not an object");
    assertThat(checker.check(fetchConversation(200, "application/json", wrongType.toString())))
        .isNotEmpty();

    ObjectNode badSid = twiliosOwnExample();
    badSid.put("sid", "XX123");
    assertThat(checker.check(fetchConversation(200, "application/json", badSid.toString())))
        .isNotEmpty();
    assertThat(checker.violations()).hasSize(3);
  }

  @Test
  void anAnswerOnAPathTwilioDoesNotHaveIsCaught() {
    SpecConformance checker = SpecConformance.against(SPECS, null);
    assertThat(
            checker.check(
                new SpecConformance.Exchange(
                    "GET",
                    "/conversations/v1/Invented",
                    Map.of(),
                    null,
                    new byte[0],
                    200,
                    "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8))))
        .isNotEmpty();
  }

  @Test
  void errorsMustHaveTwiliosErrorShape() {
    SpecConformance checker = SpecConformance.against(SPECS, null);
    String good =
        "{\"code\":20404,\"message\":\"The requested resource /Conversations/"
            + CH
            + " was not found\",\"more_info\":\"https://www.twilio.com/docs/errors/20404\",\"status\":404}";
    assertThat(checker.check(fetchConversation(404, "application/json", good))).isEmpty();
    assertThat(
            checker.check(
                fetchConversation(
                    404,
                    "application/json",
                    "{\"code\":20404,\"message\":\"gone\",\"status\":404}")))
        .anySatisfy(p -> assertThat(p).contains("more_info"));
    assertThat(checker.check(fetchConversation(500, "text/html", "<h1>oops</h1>"))).isNotEmpty();
    assertThat(
            checker.check(
                fetchConversation(
                    404, "application/json", good.replace("\"status\":404", "\"status\":400"))))
        .isNotEmpty();
  }

  @Test
  void formRequestsAreNotFaultedForTheFormParsersCoercion() {
    SpecConformance checker = SpecConformance.forSpec("conversations/v1", readSpec());
    String conversation;
    try {
      ObjectNode example = twiliosOwnExample();
      conversation = example.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    // FriendlyName "123" is parsed as a number; a string is what Twilio's spec wants, and what was
    // sent.
    SpecConformance.Exchange create =
        new SpecConformance.Exchange(
            "POST",
            "/conversations/v1/Conversations",
            Map.of(),
            "application/x-www-form-urlencoded",
            "FriendlyName=123&Attributes=%7B%7D".getBytes(StandardCharsets.UTF_8),
            201,
            "application/json",
            conversation.getBytes(StandardCharsets.UTF_8));
    assertThat(checker.check(create)).isEmpty();
    SpecConformance.Exchange badEnum =
        new SpecConformance.Exchange(
            "POST",
            "/conversations/v1/Conversations",
            Map.of(),
            "application/x-www-form-urlencoded",
            "State=sleepy".getBytes(StandardCharsets.UTF_8),
            201,
            "application/json",
            conversation.getBytes(StandardCharsets.UTF_8));
    assertThat(checker.check(badEnum)).isNotEmpty();
  }

  @Test
  void testSandboxesCheckEveryAnswer() throws Exception {
    try (RunningKit kit = RunningKit.start()) {
      kit.get("/twilio/conversations/v1/Conversations");
      JsonNode fidelity = JSON.readTree(kit.get("/sandbox/api/fidelity").body());
      assertThat(fidelity.path("enabled").asBoolean()).isTrue();
      assertThat(fidelity.path("checked").asLong()).isGreaterThanOrEqualTo(1);
      assertThat(fidelity.path("violations")).isEmpty();
    }
  }

  private static JsonNode readSpec() {
    try {
      return JSON.readTree(SPECS.resolve("twilio_conversations_v1.json").toFile());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
