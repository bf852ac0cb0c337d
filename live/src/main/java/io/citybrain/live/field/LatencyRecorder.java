package io.citybrain.live.field;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, kept in full up to a cap (then a reservoir of the latest), with
 * percentiles on demand. Thread-safe.
 */
public final class LatencyRecorder {
  private final long[] samples;
  private long count;
  private long max;

  public LatencyRecorder(int capacity) {
    samples = new long[capacity];
  }

  public synchronized void record(long nanos) {
    samples[(int) (count++ % samples.length)] = nanos;
    max = Math.max(max, nanos);
  }

  /** Samples recorded. */
  public synchronized long count() {
    return count;
  }

  /** The {@code q} quantile (0..1), ms; NaN when empty. */
  public synchronized double percentileMillis(double q) {
    int n = (int) Math.min(count, samples.length);
    if (n == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, n);
    Arrays.sort(sorted);
    int idx = (int) Math.max(0, Math.min(n - 1, Math.ceil(q * n) - 1));
    return sorted[idx] / 1e6;
  }

  /** Largest latency, ms. */
  public synchronized double maxMillis() {
    return max / 1e6;
  }
}
