package io.citybrain.traffic.control;

import java.util.List;

/**
 * What field detectors and cameras measure at one moment, the only input of a signal controller:
 * per-lane counts, queues, and positions and speeds of vehicles on lanes, plus the signal state.
 * It never exposes vehicle identities, routes, destinations or future demand.
 *
 * <p>Lane indices are those of {@link IntersectionLayout#incomingLanes()} and {@link
 * IntersectionLayout#outgoingLanes()}. Counts are of vehicles whose front is on the lane
 * (vehicles inside the junction, on lane links, are not on any lane), as CityFlow's {@code
 * getLaneVehicleCount}. The view is valid only during the call that received it.
 *
 * <p>Emergency vehicles announce themselves through {@link #emergencyApproaches(int)}: position
 * on an incoming lane and next road, never their route.
 *
 * <p>Implementations live outside this package and are not public: a controller holding an
 * {@code Observation} can reach nothing but these methods (no simulator, no vehicle, no route).
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
   * Length of the lane's road between the centres of the intersections at its ends (map data; the
   * lane itself is shorter by the intersections' widths), m. Defaults to the lane length.
   */
  default double roadLengthMeters(int lane) {
    return laneLengthMeters(lane);
  }

  /** Speed limit of the lane (map data, like its length), m/s. */
  double laneSpeedLimitMetersPerSecond(int lane);

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

  /**
   * Approach notices of the emergency vehicles now on the incoming lanes of intersection {@code
   * intersection}, nearest the stop line first; empty when there are none (the usual case, and
   * always for flows without emergency vehicles).
   *
   * @param intersection the index of {@link IntersectionLayout#index()}
   * @return an unmodifiable list, valid during the call that received this observation
   */
  default List<EmergencyApproach> emergencyApproaches(int intersection) {
    return List.of();
  }
}
