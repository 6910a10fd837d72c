package dev.flexkit.webhooks;

import dev.flexkit.http.FormUrlEncoded;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook as the inbox keeps it: which endpoint it came to, the key that orders it against the
 * others, the form exactly as Twilio posted it (re-encoded), and when it arrived (epoch ms).
 */
record InboxEvent(long id, Kind kind, String orderingKey, String payload, long receivedAt) {
  enum Kind {
    CONVERSATIONS('C'),
    TASKROUTER('T');

    final char code;

    Kind(char code) {
      this.code = code;
    }

    static Kind of(String code) {
      return code.charAt(0) == 'C' ? CONVERSATIONS : TASKROUTER;
    }
  }

  private static final Pattern CONVERSATION_IN_ATTRIBUTES =
      Pattern.compile("\"conversationSid\"\\s*:\\s*\"(CH[0-9a-fA-F]{32})\"");

  /** A webhook just received, not stored yet. */
  static InboxEvent received(Kind kind, Map<String, List<String>> form, long receivedAt) {
    return new InboxEvent(0, kind, orderingKey(kind, form), encode(form), receivedAt);
  }

  Map<String, List<String>> form() {
    return FormUrlEncoded.parse(payload);
  }

  /**
   * The conversation the event is about, so its messages, state changes and task events are
   * processed one at a time in arrival order; a TaskRouter event names it in the Flex task's
   * attributes. Events about no conversation are ordered by task, then worker.
   */
  static String orderingKey(Kind kind, Map<String, List<String>> form) {
    String conversation = first(form, "ConversationSid");
    if (conversation == null && kind == Kind.TASKROUTER) {
      String attributes = first(form, "TaskAttributes");
      Matcher m = attributes == null ? null : CONVERSATION_IN_ATTRIBUTES.matcher(attributes);
      conversation = m != null && m.find() ? m.group(1) : null;
    }
    for (String key :
        new String[] {conversation, first(form, "TaskSid"), first(form, "WorkerSid")}) {
      if (key != null && !key.isEmpty()) {
        return key.length() > 64 ? key.substring(0, 64) : key;
      }
    }
    String sid = first(form, "Sid");
    return sid != null && !sid.isEmpty() && sid.length() <= 64
        ? sid
        : "~" + java.util.UUID.randomUUID();
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static String encode(Map<String, List<String>> form) {
    StringBuilder out = new StringBuilder(256);
    form.forEach(
        (name, values) -> {
          for (String value : values) {
            if (out.length() > 0) {
              out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
          }
        });
    return out.toString();
  }
}
