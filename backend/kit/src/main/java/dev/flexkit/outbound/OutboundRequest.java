package dev.flexkit.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * {@code POST /api/outbound/messages} as the client sends it; {@link OutboundValidation} checks it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutboundRequest(
    String to,
    String channel,
    String from,
    String body,
    String contentSid,
    Map<String, String> contentVariables,
    String mode,
    String routeTo,
    String customerName,
    String onExisting) {}
