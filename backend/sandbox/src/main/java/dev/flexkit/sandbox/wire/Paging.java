package dev.flexkit.sandbox.wire;

import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Twilio v1 list paging: {@code PageSize} (default 50, at most 1000), {@code Page} and {@code
 * PageToken}, answered with {@code {<key>: [...], meta: {page, page_size, first_page_url,
 * previous_page_url, url, next_page_url, key}}}. Paging URLs are absolute Twilio URLs and keep the
 * list's own filters, so twilio-java can follow {@code next_page_url} as it does on Twilio.
 */
public final class Paging {
  private static final int DEFAULT_SIZE = 50;
  private static final int MAX_SIZE = 1000;

  private Paging() {}

  public static <T> Map<String, Object> page(
      List<T> items,
      Function<T, Object> render,
      String key,
      String product,
      String path,
      MultivaluedMap<String, String> query) {
    int size =
        query.getFirst("PageSize") == null
            ? DEFAULT_SIZE
            : parse("PageSize", query.getFirst("PageSize"));
    if (size < 1 || size > MAX_SIZE) {
      throw TwilioException.invalidParameter("PageSize", "must be between 1 and " + MAX_SIZE);
    }
    int page = pageIndex(query);
    int from = Math.min(page * size, items.size());
    int to = Math.min(from + size, items.size());

    Map<String, String> filters = new LinkedHashMap<>();
    query.forEach(
        (k, v) -> {
          if (!k.equals("PageSize")
              && !k.equals("Page")
              && !k.equals("PageToken")
              && !v.isEmpty()) {
            filters.put(k, v.get(0));
          }
        });
    String base = TwilioUrls.url(product, path);

    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("page", page);
    meta.put("page_size", size);
    meta.put("first_page_url", pageUrl(base, filters, size, 0));
    meta.put("previous_page_url", page > 0 ? pageUrl(base, filters, size, page - 1) : null);
    meta.put("url", pageUrl(base, filters, size, page));
    meta.put("next_page_url", to < items.size() ? pageUrl(base, filters, size, page + 1) : null);
    meta.put("key", key);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put(key, items.subList(from, to).stream().map(render).collect(Collectors.toList()));
    body.put("meta", meta);
    return body;
  }

  private static int pageIndex(MultivaluedMap<String, String> query) {
    String token = query.getFirst("PageToken");
    if (token != null && !token.isEmpty()) {
      if (!token.startsWith("PT")) {
        throw TwilioException.invalidParameter("PageToken", "unknown page token");
      }
      return parse("PageToken", token.substring(2));
    }
    String page = query.getFirst("Page");
    int index = page == null ? 0 : parse("Page", page);
    if (index < 0) {
      throw TwilioException.invalidParameter("Page", "must not be negative");
    }
    return index;
  }

  private static String pageUrl(String base, Map<String, String> filters, int size, int page) {
    StringBuilder url = new StringBuilder(base).append('?');
    filters.forEach((k, v) -> url.append(enc(k)).append('=').append(enc(v)).append('&'));
    url.append("PageSize=").append(size).append("&Page=").append(page);
    if (page > 0) {
      url.append("&PageToken=PT").append(page);
    }
    return url.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static int parse(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw TwilioException.invalidParameter(name, "'" + value + "' is not a number");
    }
  }
}
