package dev.flexkit.capability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The links the capabilities added to the signpost at {@code /}, in the order they were listed. */
public record ServiceLinks(Map<String, String> links) {
  public ServiceLinks {
    links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
  }
}
