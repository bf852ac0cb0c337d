package io.citybrain.live.aggregate;

/**
 * One detector's observations folded over one window (a tumbling window aligned to the epoch):
 * what history rolls up and NGSI-LD's {@code aggregatedValues} answers from.
 *
 * @param detectorId the detector
 * @param laneId its lane
 * @param windowStartMillis window start, ms since the epoch (UTC), a multiple of the window length
 * @param windowEndMillis window end, ms
 * @param observations observations folded in
 * @param count vehicles counted, sum over the observations
 * @param observedSeconds seconds of the window covered by observations
 * @param occupancyMeanFraction occupancy averaged over the covered seconds (time-weighted), 0..1
 * @param occupancyMinFraction lowest observed occupancy
 * @param occupancyMaxFraction highest observed occupancy
 * @param speedMeanMetersPerSecond mean speed weighted by each observation's count, m/s; {@code NaN}
 *     when no vehicle with a speed was seen
 * @param speedMinMetersPerSecond lowest observed mean speed, m/s, or {@code NaN}
 * @param speedMaxMetersPerSecond highest observed mean speed, m/s, or {@code NaN}
 */
public record LaneAggregate(
    String detectorId,
    String laneId,
    long windowStartMillis,
    long windowEndMillis,
    long observations,
    long count,
    double observedSeconds,
    double occupancyMeanFraction,
    double occupancyMinFraction,
    double occupancyMaxFraction,
    double speedMeanMetersPerSecond,
    double speedMinMetersPerSecond,
    double speedMaxMetersPerSecond) {

  /** Flow rate over the covered seconds, vehicles per hour. */
  public double flowVehiclesPerHour() {
    return observedSeconds > 0 ? count * 3600.0 / observedSeconds : 0;
  }
}
