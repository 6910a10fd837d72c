package dev.flexkit.sandbox.taskrouter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

final class ObjectNodes {
  private ObjectNodes() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
