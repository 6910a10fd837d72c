package dev.flexkit.sandbox.flex;

import static dev.flexkit.sandbox.wire.TwilioTime.iso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.sandbox.SandboxAccount;
import dev.flexkit.sandbox.taskrouter.TaskRouter;
import dev.flexkit.sandbox.wire.TwilioUrls;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's Flex Configuration. Only {@code ui_attributes} is writable, and a write merges the
 * given top-level keys into it, which is how plugins keep their settings there.
 */
public final class FlexConfiguration {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SandboxAccount account;
  private final TaskRouter taskRouter;
  private final Clock clock;
  private final Instant created;
  private ObjectNode uiAttributes = JSON.createObjectNode();
  private Instant updated;

  public FlexConfiguration(SandboxAccount account, TaskRouter taskRouter, Clock clock) {
    this.account = account;
    this.taskRouter = taskRouter;
    this.clock = clock;
    this.created = clock.instant();
    this.updated = created;
  }

  public synchronized Map<String, Object> update(JsonNode body) {
    JsonNode ui = body == null ? null : body.get("ui_attributes");
    if (ui != null && ui.isObject()) {
      uiAttributes.setAll((ObjectNode) ui);
      updated = clock.instant();
    }
    return fetch();
  }

  public synchronized Map<String, Object> fetch() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_sid", account.accountSid());
    m.put("date_created", iso(created));
    m.put("date_updated", iso(updated));
    m.put("attributes", Map.of());
    m.put("status", "ok");
    m.put("taskrouter_workspace_sid", taskRouter.workspaceSid());
    m.put("taskrouter_target_workflow_sid", taskRouter.defaultWorkflowSid());
    m.put("taskrouter_target_taskqueue_sid", taskRouter.queueNames().get(0).sid());
    m.put(
        "taskrouter_taskqueues",
        taskRouter.queueNames().stream()
            .map(q -> Map.of("sid", q.sid(), "targettable", true))
            .toList());
    m.put("taskrouter_skills", List.of());
    m.put("taskrouter_worker_channels", Map.of());
    m.put("taskrouter_worker_attributes", Map.of());
    m.put("taskrouter_offline_activity_sid", null);
    m.put("runtime_domain", null);
    m.put("messaging_service_instance_sid", account.messagingServiceSid());
    m.put("chat_service_instance_sid", account.chatServiceSid());
    m.put("flex_service_instance_sid", account.chatServiceSid());
    m.put("flex_instance_sid", null);
    m.put("ui_language", "en");
    m.put("ui_attributes", JSON.convertValue(uiAttributes, Map.class));
    m.put("ui_dependencies", Map.of());
    m.put("ui_version", "2.x");
    m.put("service_version", null);
    m.put("call_recording_enabled", false);
    m.put("call_recording_webhook_url", null);
    m.put("crm_enabled", false);
    m.put("crm_type", null);
    m.put("crm_callback_url", null);
    m.put("crm_fallback_url", null);
    m.put("crm_attributes", null);
    m.put("public_attributes", Map.of());
    m.put("plugin_service_enabled", true);
    m.put("plugin_service_attributes", null);
    m.put("integrations", List.of());
    m.put("outbound_call_flows", null);
    m.put("serverless_service_sids", List.of());
    m.put("queue_stats_configuration", null);
    m.put("notifications", null);
    m.put("markdown", null);
    m.put("url", TwilioUrls.url("flex-api", "/v1/Configuration"));
    m.put("flex_insights_hr", null);
    m.put("flex_insights_drilldown", false);
    m.put("flex_url", null);
    m.put("channel_configs", List.of());
    m.put("debugger_integration", null);
    m.put("flex_ui_status_report", null);
    m.put("agent_conv_end_methods", null);
    m.put("citrix_voice_vdi", null);
    m.put("offline_config", null);
    return m;
  }
}
