package dev.flexkit.sandbox.content;

import java.time.Instant;
import java.util.Map;

/**
 * A Content API template with a {@code twilio/text} body, its variables' sample (fallback) values
 * and its WhatsApp approval.
 */
public record ContentTemplate(
    String sid,
    String friendlyName,
    String language,
    Map<String, String> variables,
    String body,
    WhatsAppApproval approval,
    Instant dateCreated) {
  /** {@code status}: unsubmitted, received, pending, approved, rejected, paused or disabled. */
  public record WhatsAppApproval(
      String name,
      String category,
      String status,
      String rejectionReason,
      boolean allowCategoryChange) {}

  public boolean approvedForWhatsApp() {
    return "approved".equals(approval.status());
  }
}
