package io.citybrain.live.health;

/**
 * The explicit per-detector state of {@link DetectorHealthRules}: plain public fields (a Flink
 * POJO). Times are ms since the epoch in the data's clock (observation interval ends).
 */
public final class DetectorHealthState {
  /** The detector. */
  public String detectorId;
  /** Its lane. */
  public String laneId;
  /** End of the latest observation's interval, ms; {@link Long#MIN_VALUE} before the first. */
  public long lastReportMillis = Long.MIN_VALUE;
  /** Since when the zone has been occupied without a gap (occupancy &ge; 0.99), ms, or MIN_VALUE. */
  public long presenceSinceMillis = Long.MIN_VALUE;
  /** End of the last interval with a vehicle counted or present, ms, or MIN_VALUE. */
  public long lastActivityMillis = Long.MIN_VALUE;
  /** Start of the first observation, ms (no-activity is not declared before a full limit of data). */
  public long firstReportMillis = Long.MIN_VALUE;
  /** Whether the latest observation counted implausibly many vehicles. */
  public boolean erratic;
  /** Current status. */
  public DetectorStatus status = DetectorStatus.SILENT;
}
