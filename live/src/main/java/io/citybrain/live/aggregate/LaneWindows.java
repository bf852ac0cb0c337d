package io.citybrain.live.aggregate;

import io.citybrain.live.contract.DetectorObservation;
import java.util.function.Consumer;

/**
 * Folds one detector's observations into tumbling windows aligned to the epoch (a 300 s window
 * runs 08:00–08:05, 08:05–08:10, ...). An observation belongs to the window holding its interval
 * start. A window is emitted when an observation of a later window arrives for the same detector,
 * or when {@link #flush} is called (end of input, or a clock passing the window end plus the
 * allowed lateness). An observation for a window already emitted is late: it is not folded in and
 * {@link #add} says so, so that the caller can count it.
 *
 * <p>Stateless: the state is the {@link WindowAccumulator} the caller keeps per detector (the
 * embedded runner in a map, Flink in keyed state). Both therefore give the same aggregates for the
 * same per-detector order of observations.
 *
 * <p>Averages follow the usual traffic-engineering definitions: occupancy is time-weighted over
 * the covered seconds; speed is the space-mean over vehicles, approximated by weighting each
 * interval's mean speed by its count (the same as HCM's aggregation of loop speeds).
 */
public final class LaneWindows {
  private final long windowMillis;

  /**
   * @param windowSeconds window length, s, &gt; 0 and a whole number of milliseconds
   */
  public LaneWindows(double windowSeconds) {
    if (!(windowSeconds > 0)) {
      throw new IllegalArgumentException("windowSeconds must be > 0, got " + windowSeconds);
    }
    this.windowMillis = Math.round(windowSeconds * 1000);
  }

  /** Window length, ms. */
  public long windowMillis() {
    return windowMillis;
  }

  /** Start of the window that holds {@code epochMillis}. */
  public long windowStart(long epochMillis) {
    return Math.floorDiv(epochMillis, windowMillis) * windowMillis;
  }

  /**
   * Folds {@code o} into {@code state}, emitting the open window first when {@code o} belongs to a
   * later one.
   *
   * @return true when folded in, false when late (its window was already emitted)
   */
  public boolean add(WindowAccumulator state, DetectorObservation o, Consumer<LaneAggregate> out) {
    long start = windowStart(o.intervalStart().toEpochMilli());
    if (start <= state.emittedUpToMillis && !(state.isOpen() && state.windowStartMillis == start)) {
      return false;
    }
    if (state.isOpen() && start != state.windowStartMillis) {
      if (start < state.windowStartMillis) {
        return false; // belongs to an earlier window than the open one: late
      }
      emit(state, out);
    }
    if (!state.isOpen()) {
      state.detectorId = o.detectorId();
      state.laneId = o.laneId();
      state.windowStartMillis = start;
    }
    state.add(o);
    return true;
  }

  /**
   * Emits the open window if it ends at or before {@code beforeMillis} ({@link Long#MAX_VALUE}:
   * always).
   */
  public void flush(WindowAccumulator state, long beforeMillis, Consumer<LaneAggregate> out) {
    if (state.isOpen() && (beforeMillis == Long.MAX_VALUE || state.windowStartMillis + windowMillis <= beforeMillis)) {
      emit(state, out);
    }
  }

  private void emit(WindowAccumulator s, Consumer<LaneAggregate> out) {
    out.accept(new LaneAggregate(
        s.detectorId,
        s.laneId,
        s.windowStartMillis,
        s.windowStartMillis + windowMillis,
        s.observations,
        s.count,
        s.observedSeconds,
        s.observedSeconds > 0 ? s.occupancySeconds / s.observedSeconds : 0,
        s.occupancyMin,
        s.occupancyMax,
        s.speedCount > 0 ? s.speedTimesCount / s.speedCount : Double.NaN,
        s.speedMin == Double.POSITIVE_INFINITY ? Double.NaN : s.speedMin,
        s.speedMax == Double.NEGATIVE_INFINITY ? Double.NaN : s.speedMax));
    s.emittedUpToMillis = s.windowStartMillis;
    s.clear();
  }
}
