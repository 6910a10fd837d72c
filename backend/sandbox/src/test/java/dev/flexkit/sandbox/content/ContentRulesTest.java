package dev.flexkit.sandbox.content;

import static dev.flexkit.sandbox.junit.TwilioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexkit.sandbox.junit.TwilioHttp;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Content templates and WhatsApp sends, R50–R52 of shared/reference/TWILIO-RULES.md, with a plain
 * HTTP client. WhatsApp failures are asynchronous: the message is accepted (201) and its delivery
 * receipt reports the code.
 */
@ExtendWith(TwilioSandboxExtension.class)
class ContentRulesTest {
  private static final AtomicInteger CUSTOMERS = new AtomicInteger();

  private final TwilioSandbox twilio;
  private final TwilioHttp http;

  ContentRulesTest(TwilioSandbox twilio) {
    this.twilio = twilio;
    this.http = new TwilioHttp(twilio);
  }

  /**
   * R50 (OAI-content /v1/ContentAndApprovals): {@code {contents:[…], meta:{…, key:"contents"}}},
   * each with an {@code approval_requests} object whose status is one the spec names. The nested
   * {@code .whatsapp} copy is contested; the sandbox gives both shapes.
   */
  @Test
  void r50_contentAndApprovalsListsContentsWithApprovalRequests() {
    JsonNode page = json(http.get("/content/v1/ContentAndApprovals"));
    assertThat(page.path("meta").path("key").asText()).isEqualTo("contents");
    assertThat(page.path("contents")).hasSize(3);
    for (JsonNode content : page.path("contents")) {
      JsonNode approvals = content.path("approval_requests");
      assertThat(approvals.isObject()).isTrue();
      assertThat(approvals.path("status").asText()).isIn("unsubmitted", "approved", "rejected");
      assertThat(approvals.path("whatsapp").path("status").asText())
          .isEqualTo(approvals.path("status").asText());
    }
  }

  /**
   * R51 (ERR/63016): free-form text to a WhatsApp customer who has not written in 24 hours fails
   * with 63016; an approved template sent with ContentSid (and ContentVariables, no Body) gets
   * through.
   */
  @Test
  void r51_freeFormWhatsAppOutsideTheWindowFailsWith63016() {
    String sid = whatsAppConversation();
    assertThat(receipt(sid, json(http.post(messages(sid), "Body", "Hi there")))).isEqualTo(63016);
    assertThat(
            receipt(
                sid,
                json(
                    http.post(
                        messages(sid),
                        "ContentSid",
                        ContentLibrary.APPOINTMENT_REMINDER,
                        "ContentVariables",
                        "{\"1\":\"Lee\"}"))))
        .isZero();
  }

  /**
   * R52 (ERR/63027): outside the window a template WhatsApp has not approved fails with 63027
   * "Template does not exist for a language and locale", not 63016.
   */
  @Test
  void r52_anUnapprovedTemplateOutsideTheWindowFailsWith63027() {
    String sid = whatsAppConversation();
    assertThat(
            receipt(sid, json(http.post(messages(sid), "ContentSid", ContentLibrary.SPRING_PROMO))))
        .isEqualTo(63027);
  }

  private String whatsAppConversation() {
    String sid = json(http.post("/conversations/v1/Conversations")).path("sid").asText();
    json(
        http.post(
            "/conversations/v1/Conversations/" + sid + "/Participants",
            "MessagingBinding.Address",
            "whatsapp:+1555" + (4_000_000 + CUSTOMERS.incrementAndGet()),
            "MessagingBinding.ProxyAddress",
            twilio.whatsappNumbers().get(0)));
    return sid;
  }

  /** The error code of the message's one receipt (0 when delivered). */
  private int receipt(String conversation, JsonNode message) {
    JsonNode receipts =
        json(http.get(messages(conversation) + "/" + message.path("sid").asText() + "/Receipts"))
            .path("delivery_receipts");
    assertThat(receipts).hasSize(1);
    return receipts.get(0).path("error_code").asInt();
  }

  private static String messages(String conversation) {
    return "/conversations/v1/Conversations/" + conversation + "/Messages";
  }
}
