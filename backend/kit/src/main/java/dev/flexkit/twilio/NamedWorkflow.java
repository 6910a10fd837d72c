package dev.flexkit.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import dev.flexkit.web.ObjectMappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskRouter workflow the kit owns, known by its friendly name so no sid has to be copied: read,
 * then made or brought up to date with at most one write.
 */
public final class NamedWorkflow {
  private static final Logger LOG = LoggerFactory.getLogger(NamedWorkflow.class);

  private NamedWorkflow() {}

  public static Optional<Workflow> find(
      TwilioGateway twilio, String workspaceSid, String friendlyName) {
    return twilio.call(
        "list workflows",
        c -> {
          List<Workflow> found = new ArrayList<>();
          Workflow.reader(workspaceSid).setFriendlyName(friendlyName).read(c).forEach(found::add);
          return found.stream().findFirst();
        });
  }

  /** Its sid, after creating it or updating it when {@code configuration} differs. */
  public static String ensure(
      TwilioGateway twilio,
      String workspaceSid,
      String friendlyName,
      Optional<Workflow> current,
      String configuration) {
    if (current.isEmpty()) {
      Workflow made =
          twilio.call(
              "create workflow",
              c -> Workflow.creator(workspaceSid, friendlyName, configuration).create(c));
      LOG.info("created TaskRouter workflow '{}' {}", friendlyName, made.getSid());
      return made.getSid();
    }
    Workflow found = current.get();
    if (!sameJson(found.getConfiguration(), configuration)) {
      twilio.call(
          "update workflow",
          c ->
              Workflow.updater(workspaceSid, found.getSid())
                  .setConfiguration(configuration)
                  .update(c));
      LOG.info("updated TaskRouter workflow '{}' {}", friendlyName, found.getSid());
    }
    return found.getSid();
  }

  private static boolean sameJson(String current, String wanted) {
    try {
      JsonNode a = ObjectMappers.PLAIN.readTree(current);
      return a.equals(ObjectMappers.PLAIN.readTree(wanted));
    } catch (Exception e) {
      return false;
    }
  }
}
