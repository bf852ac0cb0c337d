package io.citybrain.traffic.control;

/**
 * What field detectors and cameras measure at one moment, the only input of a signal controller:
 * per-lane counts, queues, and positions and speeds of vehicles on lanes, plus the signal state.
 * It never exposes vehicle identities, routes, destinations or future demand.
 *
 * <p>Lane indices are those of {@link IntersectionLayout#incomingLanes()} and {@link
 * IntersectionLayout#outgoingLanes()}. Counts are of vehicles whose front is on the lane
 * (vehicles inside the junction, on lane links, are not on any lane), as CityFlow's {@code
 * getLaneVehicleCount}. The view is valid only during the call that received it.
 */
public interface Observation {

  /** Simulated time, s. */
  double timeSeconds();

  /** Vehicles on the lane. */
  int laneVehicleCount(int lane);

  /** Vehicles on the lane moving slower than 0.1 m/s (CityFlow's waiting count). */
  int laneWaitingCount(int lane);

  /** Length of the lane, m. */
  double laneLengthMeters(int lane);

  /**
   * Vehicles on the lane within {@code rangeMeters} of its end (the stop line for incoming
   * lanes).
   */
  int laneVehicleCountWithin(int lane, double rangeMeters);

  /**
   * Positions and speeds of the vehicles on the lane, front (nearest the stop line) first.
   *
   * @param distanceToEndMeters receives each vehicle's distance from its front to the lane end, m
   * @param speedsMetersPerSecond receives each vehicle's speed, m/s
   * @return the number of vehicles written (at most the arrays' length)
   */
  int laneVehicles(int lane, double[] distanceToEndMeters, double[] speedsMetersPerSecond);

  /** Current phase of the intersection. */
  int currentPhase(int intersection);

  /** Time the current phase (or the green before a yellow) has been shown, s. */
  double phaseElapsedSeconds(int intersection);
}
