package io.citybrain.traffic.incident;

/**
 * What one simulated loop detector (a point detector across one lane) measured over one interval,
 * the figures a traffic centre's loops report every 20–30 s.
 *
 * @param lane the lane's index in the compiled network
 * @param laneId the lane's roadnet id ({@code <road id>_<lane index>})
 * @param station the station's index along the lane, 0 nearest the lane's start
 * @param positionMeters the loop's distance from the lane's start, m
 * @param intervalStartSeconds simulated time the interval starts, s
 * @param intervalEndSeconds simulated time it ends, s
 * @param count vehicles whose front crossed the loop during the interval, &ge; 0
 * @param occupancyFraction fraction of the interval's steps, 0..1, at whose end some vehicle's body
 *     covered the loop
 * @param meanSpeedMetersPerSecond mean of the crossing vehicles' speeds at crossing, m/s
 *     (time-mean speed); NaN when none crossed
 */
public record LoopInterval(
    int lane,
    String laneId,
    int station,
    double positionMeters,
    double intervalStartSeconds,
    double intervalEndSeconds,
    int count,
    double occupancyFraction,
    double meanSpeedMetersPerSecond) {}
