package dev.flexkit.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} (a form body or a query string) read before JAX-RS gets
 * to it, by filters that must see the raw bytes: names in order, repeated names kept.
 */
public final class FormUrlEncoded {
  private FormUrlEncoded() {}

  public static Map<String, List<String>> parse(String encoded) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (encoded == null) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }
}
