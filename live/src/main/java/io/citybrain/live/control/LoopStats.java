package io.citybrain.live.control;

import java.util.Arrays;

/**
 * Counts and latencies of a {@link LiveControlLoop}. Latency here is the centre's share: from
 * the first report of a round reaching the loop to the command being handed to its transport.
 */
public final class LoopStats {
  private static final int RESERVOIR = 1 << 16;

  long rounds;
  long roundsDecidedIncomplete;
  long decisions;
  long decisionNanos;
  long commands;
  long advice;
  long recordedOnly;
  long degradations;
  long recoveries;
  long resyncs;
  long unknownLanes;
  private final long[] latencies = new long[RESERVOIR];
  private long latencyCount;

  void recordLatency(long nanos) {
    latencies[(int) (latencyCount++ % RESERVOIR)] = nanos;
  }

  Snapshot snapshot(int degradedNow) {
    int n = (int) Math.min(latencyCount, RESERVOIR);
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    return new Snapshot(rounds, roundsDecidedIncomplete, decisions, decisionNanos, commands, advice, recordedOnly,
        degradations, recoveries, degradedNow, resyncs, unknownLanes, percentileMillis(sorted, 0.5), percentileMillis(sorted, 0.99));
  }

  private static double percentileMillis(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int idx = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, idx)] / 1e6;
  }

  /**
   * The loop's counts at one moment.
   *
   * @param rounds rounds decided
   * @param roundsDecidedIncomplete rounds decided after their wait, with some reports missing
   * @param decisions controller decisions
   * @param decisionNanos wall time inside the controller, ns
   * @param commands commands published to the field
   * @param advice decisions published as advice
   * @param recordedOnly decisions kept in the centre (shadow mode, or no gate approval)
   * @param degradations times a junction was given up for stale or faulty data
   * @param recoveries times a degraded junction was taken back
   * @param degradedNow junctions degraded now
   * @param resyncs corrections of the loop's signal mirror from field states
   * @param unknownLanes observations for lanes not in the network
   * @param decisionLatencyP50Millis median centre latency (first report of a round to command), ms
   * @param decisionLatencyP99Millis 99th percentile of the same, ms
   */
  public record Snapshot(
      long rounds,
      long roundsDecidedIncomplete,
      long decisions,
      long decisionNanos,
      long commands,
      long advice,
      long recordedOnly,
      long degradations,
      long recoveries,
      int degradedNow,
      long resyncs,
      long unknownLanes,
      double decisionLatencyP50Millis,
      double decisionLatencyP99Millis) {}
}
