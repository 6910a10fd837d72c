package dev.flexkit.webhooks;

import java.util.Arrays;

/**
 * Receipt-to-processed lag of the last events this replica processed, for health and benchmarks.
 */
final class InboxLag {
  private final long[] recent = new long[10_000];
  private long count;

  synchronized void record(long millis) {
    recent[(int) (count++ % recent.length)] = millis;
  }

  /** {@code p} in 0..100 over the last 10,000 events, or -1 before the first. */
  synchronized long percentile(double p) {
    int n = (int) Math.min(count, recent.length);
    if (n == 0) {
      return -1;
    }
    long[] sorted = Arrays.copyOf(recent, n);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * n) - 1;
    return sorted[Math.min(n - 1, Math.max(0, rank))];
  }

  /** Events processed here since start. */
  synchronized long processed() {
    return count;
  }
}
