package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.algorithm.ParameterSpec;
import java.util.List;

/**
 * Emergency-vehicle pre-emption around any controller: green along an approaching emergency
 * vehicle's movement, then recovery to normal control.
 *
 * <p>The controller learns of an emergency vehicle only from its approach notice ({@link
 * Observation#emergencyApproaches}: lane, distance to the stop line, speed, next road). A notice
 * naming a movement of the intersection pre-empts when either
 *
 * <ul>
 *   <li>the vehicle is within {@code emergencyRangeMeters} of the stop line (the fixed detection
 *       window of optical and radio emitters), or
 *   <li>the vehicles ahead of it on its lane could not all clear the stop line before it gets
 *       there: its unimpeded time to the stop line at the lane's speed limit is at most the
 *       yellow plus {@value #SATURATION_HEADWAY_SECONDS} s per vehicle ahead (queue clearance:
 *       the green must start early enough to discharge the queue in front of the emergency
 *       vehicle, as ETA-based pre-emption and queue-clearance timing do; a vehicle stuck behind a
 *       long queue pre-empts from anywhere on the approach, a free approach only within range).
 * </ul>
 *
 * Then:
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
 * controller decides again at the next second (recovery). Of several vehicles, the nearest one
 * that pre-empts is served. This is the pre-emption sequence of NEMA TS 2 and the FHWA Traffic
 * Signal Timing Manual (2nd ed., 2015, ch. 9): safe clearance of the running phase, then the
 * pre-emption phase, then return to normal operation; the yellow is never shortened.
 */
public final class EmergencyPreemption implements SignalController {
  /** Name of the on/off parameter of controllers that offer pre-emption. */
  public static final String PRIORITY = "emergencyPriority";

  /** Name of the range parameter of controllers that offer pre-emption. */
  public static final String RANGE = "emergencyRangeMeters";

  /**
   * Time per queued vehicle to discharge over the stop line once its green starts, s: the usual
   * saturation headway (2 s, 1,800 vehicles per hour of green per lane; the Highway Capacity
   * Manual's base saturation flow of 1,900 gives 1.9 s), not tuned.
   */
  public static final double SATURATION_HEADWAY_SECONDS = 2;

  private final SignalController normal;
  private final double rangeMeters;
  private final double yellowSeconds;
  private double[] distances = new double[64];
  private double[] speeds = new double[64];

  /**
   * Pre-emption without a yellow in the queue-clearance time.
   *
   * @param normal the controller used when no emergency vehicle approaches
   * @param rangeMeters distance to the stop line from which an approaching emergency vehicle
   *     pre-empts whatever the queue ahead of it, m, &ge; 0
   */
  public EmergencyPreemption(SignalController normal, double rangeMeters) {
    this(normal, rangeMeters, 0);
  }

  /**
   * @param normal the controller used when no emergency vehicle approaches
   * @param rangeMeters distance to the stop line from which an approaching emergency vehicle
   *     pre-empts whatever the queue ahead of it, m, &ge; 0
   * @param yellowSeconds the yellow/all-red shown before the pre-emption green, s, &ge; 0: part
   *     of the time the queue ahead of the vehicle needs to clear
   */
  public EmergencyPreemption(SignalController normal, double rangeMeters, double yellowSeconds) {
    if (!(rangeMeters >= 0)) {
      throw new IllegalArgumentException("rangeMeters must be >= 0, got " + rangeMeters);
    }
    if (!(yellowSeconds >= 0)) {
      throw new IllegalArgumentException("yellowSeconds must be >= 0, got " + yellowSeconds);
    }
    this.normal = normal;
    this.rangeMeters = rangeMeters;
    this.yellowSeconds = yellowSeconds;
  }

  /**
   * The two parameters a controller declares to offer pre-emption: {@value #PRIORITY} (1 on, 0
   * off; default on, which changes nothing on flows without emergency vehicles) and {@value
   * #RANGE}.
   *
   * @return the two specs, in that order
   */
  public static List<ParameterSpec> parameters() {
    return parameters(1);
  }

  /**
   * As {@link #parameters()}, with pre-emption on or off by default.
   *
   * @param defaultPriority 1 (on) or 0 (off): a baseline whose protocol timing must not change
   *     declares 0
   * @return the two specs, in that order
   */
  public static List<ParameterSpec> parameters(int defaultPriority) {
    return List.of(
        new ParameterSpec(
            PRIORITY, defaultPriority, 0, 1, "1", "1: pre-empt for approaching emergency vehicles; 0: ignore them"),
        new ParameterSpec(
            RANGE,
            200,
            0,
            10000,
            "m",
            "distance to the stop line within which an emergency vehicle always pre-empts"
                + " (beyond it, only when the queue ahead of it could not clear in time)"));
  }

  /**
   * {@code normal} wrapped for pre-emption when the parameters turn it on, else {@code normal}.
   *
   * @param normal the controller to wrap
   * @param parameters values including {@link #parameters()}
   * @return the controller to run
   */
  public static SignalController wrap(SignalController normal, ParameterValues parameters) {
    return parameters.get(PRIORITY) >= 0.5
        ? new EmergencyPreemption(
            normal, parameters.get(RANGE), parameters.asMap().getOrDefault("yellowSeconds", 0.0))
        : normal;
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
   * The movement of the nearest emergency vehicle that pre-empts ({@link #preempts}) and that
   * some but not every green phase serves (a movement green in every phase, such as a right
   * turn, needs no pre-emption), or -1.
   */
  private int pendingMovement(IntersectionLayout intersection, Observation observation) {
    List<EmergencyApproach> approaches = observation.emergencyApproaches(intersection.index());
    for (EmergencyApproach a : approaches) { // nearest first
      int m = a.movementIn(intersection);
      if (m >= 0 && servedBySomeGreens(intersection, m) && preempts(a, observation)) {
        return m;
      }
    }
    return -1;
  }

  /**
   * Whether the vehicle of notice {@code a} pre-empts now: within range of the stop line, or
   * too close for the queue ahead of it to clear in time (class documentation).
   */
  boolean preempts(EmergencyApproach a, Observation observation) {
    double d = a.distanceToStopLineMeters();
    if (d <= rangeMeters) {
      return true;
    }
    int lane = a.lane();
    int n = observation.laneVehicleCount(lane);
    if (n > distances.length) {
      distances = new double[2 * n];
      speeds = new double[2 * n];
    }
    n = observation.laneVehicles(lane, distances, speeds);
    int ahead = 0;
    while (ahead < n && distances[ahead] < d - 1e-6) {
      ahead++;
    }
    if (ahead == 0) {
      return false;
    }
    double clearSeconds = yellowSeconds + SATURATION_HEADWAY_SECONDS * ahead;
    return d <= observation.laneSpeedLimitMetersPerSecond(lane) * clearSeconds;
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
