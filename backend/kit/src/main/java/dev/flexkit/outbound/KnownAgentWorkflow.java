package dev.flexkit.outbound;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexkit.twilio.NamedWorkflow;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;

/**
 * The TaskRouter workflow a "reply to me" answer is routed through: to the agent who sent the first
 * message ({@code KnownAgentWorkerSid}) for a while, then to anyone in the queue. Without it the
 * reply is offered to the sender alone, with no way to reach someone else if they are gone.
 */
final class KnownAgentWorkflow {
  static final String FRIENDLY_NAME = "Flex Messaging Kit replies to the sender";

  /** How long the sender has to take the reply before anyone in the queue may. */
  static final int SENDER_SECONDS = 300;

  private KnownAgentWorkflow() {}

  static String ensure(TwilioGateway twilio, String workspaceSid, String queueSid) {
    return NamedWorkflow.ensure(
        twilio,
        workspaceSid,
        FRIENDLY_NAME,
        NamedWorkflow.find(twilio, workspaceSid, FRIENDLY_NAME),
        configuration(queueSid));
  }

  static String configuration(String queueSid) {
    ObjectNode root = ObjectMappers.PLAIN.createObjectNode();
    ObjectNode routing = root.putObject("task_routing");
    ArrayNode filters = routing.putArray("filters");
    ObjectNode known = filters.addObject();
    known.put("filter_friendly_name", "Reply to the sending agent");
    // The flag is a JSON boolean from the kit, a string from Studio-built attributes.
    known.put("expression", "KnownAgentRoutingFlag == true OR KnownAgentRoutingFlag == 'true'");
    ArrayNode targets = known.putArray("targets");
    ObjectNode sender = targets.addObject();
    sender.put("queue", queueSid);
    sender.put("known_worker_sid", "task.KnownAgentWorkerSid");
    sender.put("timeout", SENDER_SECONDS);
    targets.addObject().put("queue", queueSid);
    routing.putObject("default_filter").put("queue", queueSid);
    return root.toString();
  }
}
