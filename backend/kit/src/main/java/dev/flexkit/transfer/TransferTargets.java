package dev.flexkit.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GET /api/transfer/targets}: one list, of the kind asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferTargets(String type, String taskChannel, List<Target> targets) {
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Target(
      String sid,
      String name,
      Boolean available,
      String activity,
      Integer freeCapacity,
      Long availableWorkers) {}
}
