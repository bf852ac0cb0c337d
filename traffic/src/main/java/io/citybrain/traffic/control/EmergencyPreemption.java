package io.citybrain.traffic.control;

import java.util.List;

/**
 * Emergency-vehicle pre-emption around any controller: green along an approaching emergency
 * vehicle's movement, then recovery to normal control.
 *
 * <p>The controller learns of an emergency vehicle only from its approach notice ({@link
 * Observation#emergencyApproaches}: lane, distance to the stop line, next road). When the nearest
 * notice at an intersection is within {@code emergencyRangeMeters} of the stop line and names a
 * movement of that intersection:
 *
 * <ol>
 *   <li>if the current green serves the movement, it is held, one second at a time;
 *   <li>otherwise the green is ended at once ({@link SignalController#interrupt}); the engine
 *       shows the yellow/all-red for its full time, then the green phase that serves the
 *       movement (of several, the one whose incoming lanes hold the most vehicles, so that the
 *       queue ahead of the vehicle and its neighbours clear together), held one second at a time.
 * </ol>
 *
 * As soon as the vehicle has crossed the stop line its notice disappears and the wrapped
 * controller decides again at the next second (recovery). Nearest vehicle first when several
 * approach. This is the pre-emption sequence of NEMA TS 2 and the FHWA Traffic Signal Timing
 * Manual (2nd ed., 2015, ch. 9): safe clearance of the running phase, then the pre-emption
 * phase, then return to normal operation; the yellow is never shortened.
 */
public final class EmergencyPreemption implements SignalController {
  /** Name of the on/off parameter of controllers that offer pre-emption. */
  public static final String PRIORITY = "emergencyPriority";

  /** Name of the range parameter of controllers that offer pre-emption. */
  public static final String RANGE = "emergencyRangeMeters";

  private final SignalController normal;
  private final double rangeMeters;

  /**
   * @param normal the controller used when no emergency vehicle approaches
   * @param rangeMeters distance to the stop line from which an approaching emergency vehicle
   *     pre-empts, m, &ge; 0
   */
  public EmergencyPreemption(SignalController normal, double rangeMeters) {
    if (!(rangeMeters >= 0)) {
      throw new IllegalArgumentException("rangeMeters must be >= 0, got " + rangeMeters);
    }
    this.normal = normal;
    this.rangeMeters = rangeMeters;
  }

  /**
   * The two parameters a controller declares to offer pre-emption: {@value #PRIORITY} (1 on, 0
   * off; default on, which changes nothing on flows without emergency vehicles) and {@value
   * #RANGE}.
   *
   * @return the two specs, in that order
   */
  public static List<ParameterSpec> parameters() {
    return List.of(
        new ParameterSpec(PRIORITY, 1, 0, 1, "1", "1: pre-empt for approaching emergency vehicles; 0: ignore them"),
        new ParameterSpec(
            RANGE, 200, 0, 10000, "m", "distance to the stop line from which an emergency vehicle pre-empts"));
  }

  /**
   * {@code normal} wrapped for pre-emption when the parameters turn it on, else {@code normal}.
   *
   * @param normal the controller to wrap
   * @param parameters values including {@link #parameters()}
   * @return the controller to run
   */
  public static SignalController wrap(SignalController normal, ControllerParameters parameters) {
    return parameters.get(PRIORITY) >= 0.5 ? new EmergencyPreemption(normal, parameters.get(RANGE)) : normal;
  }

  @Override
  public void init(List<IntersectionLayout> intersections) {
    normal.init(intersections);
  }

  @Override
  public boolean interrupt(IntersectionLayout intersection, Observation observation) {
    int movement = pendingMovement(intersection, observation);
    return movement >= 0 && !serves(intersection, observation.currentPhase(intersection.index()), movement);
  }

  @Override
  public PhaseDecision decide(IntersectionLayout intersection, Observation observation) {
    int movement = pendingMovement(intersection, observation);
    if (movement < 0) {
      return normal.decide(intersection, observation);
    }
    int current = observation.currentPhase(intersection.index());
    if (serves(intersection, current, movement)) {
      return new PhaseDecision(current, 1);
    }
    int best = -1;
    int bestVehicles = -1;
    for (int p : intersection.greenPhases()) {
      if (!serves(intersection, p, movement)) {
        continue;
      }
      int vehicles = 0;
      for (int m : intersection.phases().get(p).greenMovements()) {
        for (LaneLinkLayout l : intersection.movements().get(m).laneLinks()) {
          vehicles += observation.laneVehicleCount(l.startLane());
        }
      }
      if (vehicles > bestVehicles) {
        bestVehicles = vehicles;
        best = p;
      }
    }
    return best < 0 ? normal.decide(intersection, observation) : new PhaseDecision(best, 1);
  }

  /**
   * The movement of the nearest emergency vehicle within range that some but not every green
   * phase serves (a movement green in every phase, such as a right turn, needs no pre-emption),
   * or -1.
   */
  private int pendingMovement(IntersectionLayout intersection, Observation observation) {
    List<EmergencyApproach> approaches = observation.emergencyApproaches(intersection.index());
    for (EmergencyApproach a : approaches) {
      if (a.distanceToStopLineMeters() > rangeMeters) {
        break; // nearest first
      }
      int m = a.movementIn(intersection);
      if (m >= 0 && servedBySomeGreens(intersection, m)) {
        return m;
      }
    }
    return -1;
  }

  private static boolean servedBySomeGreens(IntersectionLayout intersection, int movement) {
    int serving = 0;
    for (int p : intersection.greenPhases()) {
      if (serves(intersection, p, movement)) {
        serving++;
      }
    }
    return serving > 0 && serving < intersection.greenPhases().size();
  }

  private static boolean serves(IntersectionLayout intersection, int phase, int movement) {
    return phase >= 0
        && phase < intersection.phases().size()
        && !intersection.phases().get(phase).transition()
        && intersection.phases().get(phase).greenMovements().contains(movement);
  }
}
