package io.citybrain.live.aggregate;

import io.citybrain.live.contract.DetectorObservation;

/**
 * The explicit state of one detector's open window: plain fields, so that the embedded runner
 * keeps it in a map and Flink keeps it in keyed state (a POJO: public, no-argument constructor,
 * public fields). All arithmetic is in {@link LaneWindows}.
 */
public final class WindowAccumulator {
  /** The detector. */
  public String detectorId;
  /** Its lane. */
  public String laneId;
  /** Start of the open window, ms since the epoch; {@link Long#MIN_VALUE} when none is open. */
  public long windowStartMillis = Long.MIN_VALUE;
  /** Observations folded in. */
  public long observations;
  /** Vehicles counted. */
  public long count;
  /** Seconds covered. */
  public double observedSeconds;
  /** Sum of occupancy × seconds. */
  public double occupancySeconds;
  /** Lowest occupancy. */
  public double occupancyMin = Double.POSITIVE_INFINITY;
  /** Highest occupancy. */
  public double occupancyMax = Double.NEGATIVE_INFINITY;
  /** Sum of speed × count over observations with a speed, m/s × vehicles. */
  public double speedTimesCount;
  /** Vehicles behind {@link #speedTimesCount}. */
  public long speedCount;
  /** Lowest mean speed, m/s. */
  public double speedMin = Double.POSITIVE_INFINITY;
  /** Highest mean speed, m/s. */
  public double speedMax = Double.NEGATIVE_INFINITY;
  /** Start of the latest window already emitted, ms; later observations before it are late. */
  public long emittedUpToMillis = Long.MIN_VALUE;

  /** Whether a window is open. */
  public boolean isOpen() {
    return windowStartMillis != Long.MIN_VALUE;
  }

  void add(DetectorObservation o) {
    observations++;
    count += o.count();
    double seconds = o.intervalSeconds();
    observedSeconds += seconds;
    occupancySeconds += o.occupancyFraction() * seconds;
    occupancyMin = Math.min(occupancyMin, o.occupancyFraction());
    occupancyMax = Math.max(occupancyMax, o.occupancyFraction());
    double v = o.meanSpeedMetersPerSecond();
    if (!Double.isNaN(v)) {
      // an observation with a speed but no count (a tracking detector's standing queue) still
      // bounds min and max; the mean is weighted by vehicles counted
      speedTimesCount += v * o.count();
      speedCount += o.count();
      speedMin = Math.min(speedMin, v);
      speedMax = Math.max(speedMax, v);
    }
  }

  void clear() {
    windowStartMillis = Long.MIN_VALUE;
    observations = 0;
    count = 0;
    observedSeconds = 0;
    occupancySeconds = 0;
    occupancyMin = Double.POSITIVE_INFINITY;
    occupancyMax = Double.NEGATIVE_INFINITY;
    speedTimesCount = 0;
    speedCount = 0;
    speedMin = Double.POSITIVE_INFINITY;
    speedMax = Double.NEGATIVE_INFINITY;
  }
}
