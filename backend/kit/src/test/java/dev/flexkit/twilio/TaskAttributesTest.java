package dev.flexkit.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TaskAttributesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void jsonTextIsParsedIntoItsObject() {
    ObjectNode a =
        TaskAttributes.parse(
            "{\"conversationSid\":\"CH1\",\"conversations\":{\"external_contact\":\"+1\"}}");

    assertThat(a.path("conversationSid").asText()).isEqualTo("CH1");
    assertThat(a.path("conversations").path("external_contact").asText()).isEqualTo("+1");
  }

  @Test
  void aTextNodeHoldingJsonIsParsedToo() {
    assertThat(TaskAttributes.parse(TextNode.valueOf("{\"from\":\"+1555\"}")).path("from").asText())
        .isEqualTo("+1555");
  }

  @Test
  void anObjectNodeIsTheAttributesAsTheyAre() {
    ObjectNode given = JSON.createObjectNode().put("a", 1);

    assertThat(TaskAttributes.parse(given)).isSameAs(given);
  }

  @Test
  void anythingElseIsAnEmptyObject() {
    for (Object raw :
        Arrays.asList(
            null,
            "",
            "  ",
            "not json",
            "{\"unclosed\":",
            "[1,2]",
            "42",
            "null",
            JSON.createArrayNode(),
            JSON.getNodeFactory().numberNode(3),
            17)) {
      ObjectNode a = TaskAttributes.parse(raw);
      assertThat(a.isEmpty()).as(String.valueOf(raw)).isTrue();
    }
  }

  @Test
  void flexOwnedInteractionAttributesAreStrippedAndTheRestKept() {
    ObjectNode a =
        TaskAttributes.parse(
            "{\"flexChannelInviteSid\":\"KG1\",\"flexInteractionChannelSid\":\"UO1\","
                + "\"flexInteractionSid\":\"KD1\",\"conversationSid\":\"CH1\",\"flexOther\":true}");

    assertThat(TaskAttributes.stripFlexOwned(a)).isSameAs(a);
    assertThat(a.toString()).isEqualTo("{\"conversationSid\":\"CH1\",\"flexOther\":true}");
  }
}
