package io.citybrain.live.contract;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What one detector measured on one lane over one interval ({@code
 * detector-report-1.schema.json}, one element of {@code observations}). Counts, occupancy and
 * speeds only; no identifier of any vehicle or person.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>unit / range</th><th>required</th></tr>
 *   <tr><td>detectorId</td><td>text</td><td>yes</td></tr>
 *   <tr><td>laneId</td><td>roadnet lane id (road id + "_" + lane index)</td><td>yes</td></tr>
 *   <tr><td>intervalStart, intervalEnd</td><td>instants, start &lt; end &le; start + 1 h</td><td>yes</td></tr>
 *   <tr><td>count</td><td>vehicles entering the zone in the interval, &ge; 0</td><td>yes</td></tr>
 *   <tr><td>occupancyFraction</td><td>0..1 of the interval</td><td>yes</td></tr>
 *   <tr><td>meanSpeedMetersPerSecond</td><td>m/s &ge; 0; {@code NaN} when no vehicle was seen</td><td>no</td></tr>
 *   <tr><td>vehiclesPresent, vehiclesHalting</td><td>vehicles in the zone at the end (halting:
 *       slower than 0.1 m/s); -1 when the detector cannot tell (a loop)</td><td>no</td></tr>
 *   <tr><td>distancesToStopLineMeters, speedsMetersPerSecond</td><td>m and m/s of each vehicle in
 *       the zone at the end, nearest the stop line first (tracking radar or video); {@code null}
 *       when not measured</td><td>no</td></tr>
 * </table>
 */
public record DetectorObservation(
    String detectorId,
    String laneId,
    Instant intervalStart,
    Instant intervalEnd,
    int count,
    double occupancyFraction,
    double meanSpeedMetersPerSecond,
    int vehiclesPresent,
    int vehiclesHalting,
    double[] distancesToStopLineMeters,
    double[] speedsMetersPerSecond) {

  /** A loop-detector observation: count, occupancy and mean speed only. */
  public static DetectorObservation loop(
      String detectorId,
      String laneId,
      Instant intervalStart,
      Instant intervalEnd,
      int count,
      double occupancyFraction,
      double meanSpeedMetersPerSecond) {
    return new DetectorObservation(
        detectorId, laneId, intervalStart, intervalEnd, count, occupancyFraction, meanSpeedMetersPerSecond, -1, -1, null, null);
  }

  /** Whether the detector reported the vehicles present at the interval's end. */
  public boolean hasPresence() {
    return vehiclesPresent >= 0;
  }

  /** Whether the detector reported each vehicle's distance and speed. */
  public boolean hasVehicleTracks() {
    return distancesToStopLineMeters != null;
  }

  /** Interval length, s. */
  public double intervalSeconds() {
    return (intervalEnd.toEpochMilli() - intervalStart.toEpochMilli()) / 1000.0;
  }

  // arrays compare by content so that decoded and original observations are equal
  @Override
  public boolean equals(Object o) {
    return o instanceof DetectorObservation d
        && detectorId.equals(d.detectorId)
        && laneId.equals(d.laneId)
        && intervalStart.equals(d.intervalStart)
        && intervalEnd.equals(d.intervalEnd)
        && count == d.count
        && Double.compare(occupancyFraction, d.occupancyFraction) == 0
        && Double.compare(meanSpeedMetersPerSecond, d.meanSpeedMetersPerSecond) == 0
        && vehiclesPresent == d.vehiclesPresent
        && vehiclesHalting == d.vehiclesHalting
        && Arrays.equals(distancesToStopLineMeters, d.distancesToStopLineMeters)
        && Arrays.equals(speedsMetersPerSecond, d.speedsMetersPerSecond);
  }

  @Override
  public int hashCode() {
    return Objects.hash(detectorId, laneId, intervalStart, count, occupancyFraction);
  }

  @Override
  public String toString() {
    return "DetectorObservation[" + detectorId + " lane " + laneId + " " + intervalStart + ".." + intervalEnd
        + " count " + count + " occupancy " + occupancyFraction + " speed " + meanSpeedMetersPerSecond + "]";
  }
}
