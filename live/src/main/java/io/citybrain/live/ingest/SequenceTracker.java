package io.citybrain.live.ingest;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Per sender (detector station, meter), which message numbers arrived: it tells a repeat (an MQTT
 * QoS 1 redelivery, a Kafka replay) from a new message, and counts numbers never received. Keeps a
 * window of {@link #WINDOW} numbers past the lowest missing one; a number that falls behind the
 * window is given up as lost. Not thread-safe (the pipeline's worker owns it).
 */
public final class SequenceTracker {
  /** Numbers tracked past the lowest missing one. */
  public static final int WINDOW = 4096;

  private static final class Sender {
    long first;
    long base; // every number below it was received or given up
    long max;
    long distinct;
    final BitSet seen = new BitSet(); // bit k: base + k received
  }

  private final Map<String, Sender> senders = new HashMap<>();

  /**
   * Records message {@code seq} of {@code sender}.
   *
   * @return false when it was already received (a repeat)
   */
  public boolean accept(String sender, long seq) {
    Sender s = senders.get(sender);
    if (s == null) {
      s = new Sender();
      s.first = seq;
      s.base = seq;
      s.max = seq;
      senders.put(sender, s);
    }
    if (seq < s.base) {
      if (seq < s.first) {
        // older than anything seen from this sender (it restarted its numbering, or we did)
        s.first = seq;
        s.distinct++;
        return true;
      }
      return false;
    }
    int offset = (int) Math.min(Integer.MAX_VALUE, seq - s.base);
    if (offset < WINDOW && s.seen.get(offset)) {
      return false;
    }
    if (offset >= WINDOW) {
      int shift = offset - WINDOW + 1;
      s.seen.clear(0, Math.min(shift, s.seen.length()));
      s.seen.set(0, 0);
      BitSet moved = s.seen.get(shift, Math.max(shift, s.seen.length()));
      s.seen.clear();
      s.seen.or(moved);
      s.base += shift;
      offset = (int) (seq - s.base);
    }
    s.seen.set(offset);
    s.distinct++;
    s.max = Math.max(s.max, seq);
    int run = s.seen.nextClearBit(0);
    if (run > 0) {
      BitSet moved = s.seen.get(run, Math.max(run, s.seen.length()));
      s.seen.clear();
      s.seen.or(moved);
      s.base += run;
    }
    return true;
  }

  /** Numbers between each sender's first and highest that never arrived, summed over senders. */
  public long missing() {
    long m = 0;
    for (Sender s : senders.values()) {
      m += (s.max - s.first + 1) - s.distinct;
    }
    return m;
  }

  /** Senders seen. */
  public int senders() {
    return senders.size();
  }
}
