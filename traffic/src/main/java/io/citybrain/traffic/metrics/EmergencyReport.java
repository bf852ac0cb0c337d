package io.citybrain.traffic.metrics;

import java.util.List;

/**
 * Emergency vehicles' travel times and everyone else's, from one run.
 *
 * @param emergencyVehicles emergency vehicles created
 * @param emergencyFinished of those, finished
 * @param emergencyAverageTravelTimeSeconds their average travel time, CityFlow's definition
 *     (unfinished ones with their time so far), s; NaN when there were none
 * @param emergencyAverageTravelTimeFinishedSeconds mean over the finished ones, s; NaN when none
 * @param emergencyAverageDelayFinishedSeconds mean over the finished ones of travel time minus
 *     free-flow travel time ({@code docs/metrics.md}), s: the time control can still remove; NaN
 *     when none finished
 * @param emergencyTravelTimesSeconds travel time of each finished emergency vehicle, in finishing
 *     order, s
 * @param otherVehicles all other vehicles created
 * @param othersAverageTravelTimeSeconds their average travel time, CityFlow's definition, s; NaN
 *     when there were none
 */
public record EmergencyReport(
    long emergencyVehicles,
    long emergencyFinished,
    double emergencyAverageTravelTimeSeconds,
    double emergencyAverageTravelTimeFinishedSeconds,
    double emergencyAverageDelayFinishedSeconds,
    List<Double> emergencyTravelTimesSeconds,
    long otherVehicles,
    double othersAverageTravelTimeSeconds) {

  /** Copies the list of travel times (the report is immutable). */
  public EmergencyReport {
    emergencyTravelTimesSeconds = List.copyOf(emergencyTravelTimesSeconds);
  }
}
