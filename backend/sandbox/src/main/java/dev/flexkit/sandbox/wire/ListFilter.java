package dev.flexkit.sandbox.wire;

import jakarta.ws.rs.core.MultivaluedMap;

/** Twilio list filters by equality: an absent query parameter matches everything. */
public final class ListFilter {
  private ListFilter() {}

  public static boolean matches(MultivaluedMap<String, String> query, String param, String value) {
    String wanted = query.getFirst(param);
    return wanted == null || wanted.equals(value);
  }
}
