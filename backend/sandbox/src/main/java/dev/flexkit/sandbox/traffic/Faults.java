package dev.flexkit.sandbox.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Injected failures. A rule matches {@code "<METHOD> <path-regex>"} against the Twilio path ({@code
 * POST /conversations/v1/Conversations/.+/Messages}; the regex must match the whole path), triggers
 * on its {@code nth} matching request (default 1) and then on the following ones, for {@code times}
 * triggers in all (default 1). A status fault answers with Twilio's error envelope: {@code code}
 * when given, else 20429 for a 429 (R54: too many concurrent requests) and 20500/20001 otherwise; a
 * Conversations rate limit (R55) is a 429 with code 50063 or 50074, a Flex Interactions one (R38) a
 * 429 with code 45780.
 */
public final class Faults {
  public enum Kind {
    LATENCY,
    STATUS
  }

  public record Rule(
      String match,
      Kind kind,
      int status,
      long latencyMs,
      int nth,
      int times,
      long retryAfterSeconds,
      int code) {
    /** A rule answering with the status's usual code. */
    public Rule(
        String match,
        Kind kind,
        int status,
        long latencyMs,
        int nth,
        int times,
        long retryAfterSeconds) {
      this(match, kind, status, latencyMs, nth, times, retryAfterSeconds, 0);
    }
  }

  /**
   * What to do with one request: wait, and/or answer with an error status instead of serving it.
   */
  public record Effect(long latencyMs, Integer status, long retryAfterSeconds, int code) {}

  private static final class Armed {
    final Rule rule;
    final String method;
    final Pattern path;
    int seen;
    int fired;

    Armed(Rule rule) {
      this.rule = rule;
      String[] parts = rule.match().trim().split("\\s+", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "match must be '<METHOD> <path-regex>', e.g. 'POST /conversations/v1/Conversations'");
      }
      this.method = parts[0].toUpperCase();
      this.path = Pattern.compile(parts[1]);
    }
  }

  private final List<Armed> rules = new ArrayList<>();

  public synchronized void add(Rule rule) {
    if (rule.nth() < 1 || rule.times() < 1) {
      throw new IllegalArgumentException("nth and times must be at least 1");
    }
    if (rule.kind() == Kind.STATUS && (rule.status() < 400 || rule.status() > 599)) {
      throw new IllegalArgumentException("status must be a 4xx or 5xx code");
    }
    if (rule.code() < 0) {
      throw new IllegalArgumentException("code must be a Twilio error code");
    }
    rules.add(new Armed(rule));
  }

  public synchronized List<Rule> list() {
    return rules.stream().map(a -> a.rule).toList();
  }

  public synchronized void clear() {
    rules.clear();
  }

  public synchronized Optional<Effect> effectFor(String method, String path) {
    long latency = 0;
    Integer status = null;
    long retryAfter = 0;
    int code = 0;
    for (Armed a : rules) {
      if (!a.method.equals(method) && !a.method.equals("*")) {
        continue;
      }
      if (!a.path.matcher(path).matches()) {
        continue;
      }
      a.seen++;
      if (a.seen < a.rule.nth() || a.fired >= a.rule.times()) {
        continue;
      }
      a.fired++;
      if (a.rule.kind() == Kind.LATENCY) {
        latency += a.rule.latencyMs();
      } else if (status == null) {
        status = a.rule.status();
        retryAfter = a.rule.retryAfterSeconds();
        code = a.rule.code();
      }
    }
    return latency == 0 && status == null
        ? Optional.empty()
        : Optional.of(new Effect(latency, status, retryAfter, code));
  }
}
