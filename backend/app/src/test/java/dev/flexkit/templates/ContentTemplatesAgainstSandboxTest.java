package dev.flexkit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flexkit.sandbox.content.ContentLibrary;
import dev.flexkit.sandbox.junit.TwilioSandbox;
import dev.flexkit.sandbox.junit.TwilioSandboxExtension;
import dev.flexkit.sandbox.traffic.Faults;
import dev.flexkit.twilio.TwilioCallException;
import dev.flexkit.twilio.TwilioClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kit's content-template reader against a standalone sandbox, through twilio-java, with no kit
 * server.
 */
@ExtendWith(TwilioSandboxExtension.class)
class ContentTemplatesAgainstSandboxTest {
  private final TwilioSandbox twilio;
  private final ContentTemplates templates;

  ContentTemplatesAgainstSandboxTest(TwilioSandbox twilio) {
    this.twilio = twilio;
    this.templates =
        new ContentTemplates(
            TwilioClients.emulated(
                twilio.twilioBaseUrl(), twilio.accountSid(), twilio.authToken()));
  }

  @Test
  void listsOnlyApprovedWhatsappTemplatesInOneCall() {
    assertThat(templates.approvedForWhatsapp())
        .extracting(ContentTemplates.Template::sid)
        .contains(ContentLibrary.ORDER_UPDATE)
        .doesNotHaveDuplicates();
    assertThat(twilio.calls())
        .extracting(c -> c.method() + " " + c.path())
        .containsExactly("GET /content/v1/ContentAndApprovals");
  }

  @Test
  void aRefusalFromTwilioSurfacesAsATwilioCallException() {
    twilio
        .faults()
        .add(
            new Faults.Rule(
                "GET /content/v1/ContentAndApprovals", Faults.Kind.STATUS, 400, 0, 1, 1, 0));
    assertThatThrownBy(templates::approvedForWhatsapp).isInstanceOf(TwilioCallException.class);
    assertThat(twilio.calls()).hasSize(1);
  }
}
