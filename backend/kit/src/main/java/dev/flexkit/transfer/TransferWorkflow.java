package dev.flexkit.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import dev.flexkit.twilio.Futures;
import dev.flexkit.twilio.NamedWorkflow;
import dev.flexkit.twilio.TwilioGateway;
import dev.flexkit.web.ObjectMappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The TaskRouter workflow transfers are routed through, found by its friendly name and made or
 * brought up to date: an agent target as a known worker, a queue target by one filter per queue
 * (TaskRouter has no target that names its queue from the task), the transferring agents left out.
 * A queue added later needs this to run again (at the next start).
 */
final class TransferWorkflow {
  static final String FRIENDLY_NAME = "Flex Messaging Kit transfers";
  private static final ObjectMapper JSON = ObjectMappers.PLAIN;

  private TransferWorkflow() {}

  /**
   * The workflow's sid, after at most one write; the two reads run side by side on {@code reads}.
   */
  static String ensure(
      TwilioGateway twilio, String workspaceSid, String agentQueueSid, Executor reads) {
    CompletableFuture<Optional<Workflow>> current =
        CompletableFuture.supplyAsync(
            () -> NamedWorkflow.find(twilio, workspaceSid, FRIENDLY_NAME), reads);
    List<TaskQueue> queues =
        twilio.call(
            "list queues",
            c -> {
              List<TaskQueue> found = new ArrayList<>();
              TaskQueue.reader(workspaceSid).read(c).forEach(found::add);
              return found;
            });
    return NamedWorkflow.ensure(
        twilio,
        workspaceSid,
        FRIENDLY_NAME,
        Futures.join(current),
        configuration(queues, agentQueueSid));
  }

  static String configuration(List<TaskQueue> queues, String agentQueueSid) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode routing = root.putObject("task_routing");
    ArrayNode filters = routing.putArray("filters");
    ObjectNode toWorker = filters.addObject();
    toWorker.put("filter_friendly_name", "Transfer to an agent");
    toWorker.put("expression", "transferTargetType == \"worker\"");
    ObjectNode known = toWorker.putArray("targets").addObject();
    known.put("queue", agentQueueSid);
    known.put("known_worker_sid", "task.targetSid");
    for (TaskQueue q : queues) {
      ObjectNode toQueue = filters.addObject();
      toQueue.put("filter_friendly_name", "Transfer to " + q.getFriendlyName());
      toQueue.put(
          "expression", "transferTargetType == \"queue\" AND targetSid == \"" + q.getSid() + "\"");
      ObjectNode target = toQueue.putArray("targets").addObject();
      target.put("queue", q.getSid());
      target.put("expression", "worker.sid NOT IN task.workerSidsInConversation");
    }
    routing.putObject("default_filter").put("queue", agentQueueSid);
    return root.toString();
  }
}
