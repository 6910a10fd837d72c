package dev.flexkit.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryErrorsTest {
  @Test
  void namesTheWhatsAppWindowAndTheUnapprovedTemplate() {
    assertThat(DeliveryErrors.messageFor(63016))
        .hasValueSatisfying(m -> assertThat(m).contains("24-hour"));
    // R52: an unapproved template (or one missing for the language) fails with 63027.
    assertThat(DeliveryErrors.messageFor(63027))
        .hasValueSatisfying(m -> assertThat(m).contains("approved"));
    assertThat(DeliveryErrors.messageFor(null)).isEmpty();
  }
}
