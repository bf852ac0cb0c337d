package io.citybrain.live.anomaly;

import java.io.Serializable;

/**
 * The largest and smallest of the last {@code capacity} values pushed, in O(1) amortised time per
 * value (two monotonic queues: Lemire, "Streaming maximum-minimum filter using no more than three
 * comparisons per element", Nordic J. Computing 13(4), 2006).
 */
final class TrailingExtremes implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int capacity;
  private final long[] maxIndex;
  private final double[] maxValue;
  private final long[] minIndex;
  private final double[] minValue;
  private int maxHead;
  private int maxTail;
  private int minHead;
  private int minTail;
  private long pushed;

  /** @param capacity values remembered, ≥ 1 */
  TrailingExtremes(int capacity) {
    this.capacity = capacity;
    maxIndex = new long[capacity + 1];
    maxValue = new double[capacity + 1];
    minIndex = new long[capacity + 1];
    minValue = new double[capacity + 1];
  }

  void push(double v) {
    int n = capacity + 1;
    while (maxTail != maxHead && maxValue[(maxTail - 1 + n) % n] <= v) {
      maxTail = (maxTail - 1 + n) % n;
    }
    maxValue[maxTail] = v;
    maxIndex[maxTail] = pushed;
    maxTail = (maxTail + 1) % n;
    while (minTail != minHead && minValue[(minTail - 1 + n) % n] >= v) {
      minTail = (minTail - 1 + n) % n;
    }
    minValue[minTail] = v;
    minIndex[minTail] = pushed;
    minTail = (minTail + 1) % n;
    pushed++;
    long oldest = pushed - capacity;
    while (maxIndex[maxHead] < oldest) {
      maxHead = (maxHead + 1) % n;
    }
    while (minIndex[minHead] < oldest) {
      minHead = (minHead + 1) % n;
    }
  }

  /** Values currently remembered: min(pushed, capacity). */
  long size() {
    return Math.min(pushed, capacity);
  }

  /** The largest remembered value; only when {@link #size()} > 0. */
  double max() {
    return maxValue[maxHead];
  }

  /** The smallest remembered value; only when {@link #size()} > 0. */
  double min() {
    return minValue[minHead];
  }
}
