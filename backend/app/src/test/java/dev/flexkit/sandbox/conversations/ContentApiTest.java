package dev.flexkit.sandbox.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.exception.ApiException;
import com.twilio.rest.content.v1.Content;
import com.twilio.rest.content.v1.ContentAndApprovals;
import com.twilio.rest.content.v1.content.ApprovalFetch;
import dev.flexkit.sandbox.content.ContentLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Content API's seeded WhatsApp templates, read as Twilio serves them. */
class ContentApiTest {
  @RegisterExtension static final EmulatedTwilio twilio = new EmulatedTwilio();

  @Test
  void contentAndApprovalsListsTwoApprovedTemplatesAndOneThatIsNot() {
    List<ContentAndApprovals> all = new ArrayList<>();
    ContentAndApprovals.reader().pageSize(2).read(twilio.client()).forEach(all::add);
    assertThat(all)
        .extracting(ContentAndApprovals::getSid)
        .containsExactly(
            ContentLibrary.ORDER_UPDATE,
            ContentLibrary.APPOINTMENT_REMINDER,
            ContentLibrary.SPRING_PROMO);
    assertThat(all)
        .extracting(c -> whatsappStatus(c.getApprovalRequests()))
        .containsExactly("approved", "approved", "rejected");
    assertThat(all)
        .extracting(c -> (Object) ((Map<?, ?>) c.getApprovalRequests()).get("status"))
        .containsExactly("approved", "approved", "rejected");
    ContentAndApprovals first = all.get(0);
    assertThat(((Map<?, ?>) first.getVariables()).keySet().toString()).isEqualTo("[1, 2]");
    assertThat(
            ((Map<?, ?>) ((Map<?, ?>) first.getTypes()).get("twilio/text")).get("body").toString())
        .contains("{{1}}")
        .contains("{{2}}");
  }

  @Test
  void aTemplateAndItsApprovalCanBeFetched() {
    Content c = Content.fetcher(ContentLibrary.APPOINTMENT_REMINDER).fetch(twilio.client());
    assertThat(c.getFriendlyName()).isEqualTo("appointment_reminder");
    assertThat(c.getLanguage()).isEqualTo("en");
    assertThat(c.getUrl().toString())
        .isEqualTo("https://content.twilio.com/v1/Content/" + ContentLibrary.APPOINTMENT_REMINDER);
    assertThat(c.getLinks()).containsKeys("approval_create", "approval_fetch");

    ApprovalFetch approval =
        ApprovalFetch.fetcher(ContentLibrary.SPRING_PROMO).fetch(twilio.client());
    Map<?, ?> whatsapp = (Map<?, ?>) approval.getWhatsapp();
    assertThat(whatsapp.get("type")).isEqualTo("whatsapp");
    assertThat(whatsapp.get("status")).isEqualTo("rejected");
    assertThat(whatsapp.get("rejection_reason").toString()).isNotBlank();

    List<String> listed = new ArrayList<>();
    Content.reader().read(twilio.client()).forEach(x -> listed.add(x.getSid()));
    assertThat(listed).hasSize(3);
  }

  @Test
  void anUnknownTemplateIs20404() {
    assertThatThrownBy(() -> Content.fetcher("HX" + "0".repeat(32)).fetch(twilio.client()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getCode()).isEqualTo(20404);
            });
    JsonNode meta =
        EmulatedTwilio.json(twilio.twilio("GET", "/content/v1/ContentAndApprovals?PageSize=1"))
            .path("meta");
    assertThat(meta.path("key").asText()).isEqualTo("contents");
    assertThat(meta.path("next_page_url").asText())
        .startsWith("https://content.twilio.com/v1/ContentAndApprovals?");
  }

  private static Object whatsappStatus(Object approvalRequests) {
    return ((Map<?, ?>) ((Map<?, ?>) approvalRequests).get("whatsapp")).get("status");
  }
}
