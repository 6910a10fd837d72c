package dev.flexkit.sandbox.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every request the emulator answered, so tests can count Twilio round trips per user action. */
public final class CallLog {
  /** {@code path} is the Twilio path under its product: {@code /conversations/v1/Conversations}. */
  public record Call(String method, String path, int status, long durationMs, Instant at) {}

  private static final int MAX_ENTRIES = 10_000;
  private final List<Call> calls = new ArrayList<>();

  public synchronized void record(Call call) {
    if (calls.size() == MAX_ENTRIES) {
      calls.remove(0);
    }
    calls.add(call);
  }

  public synchronized List<Call> all() {
    return List.copyOf(calls);
  }

  public synchronized void clear() {
    calls.clear();
  }
}
