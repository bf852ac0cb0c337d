package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.algorithm.ParameterSpec;
import java.util.List;

/**
 * Max-pressure control (Varaiya, "Max pressure control of a network of signalized
 * intersections", Transportation Research Part C 36, 2013; as used in the PressLight/MPLight
 * benchmarks). At each decision it picks the green phase of largest pressure, where a phase's
 * pressure is the sum over its movements' lane links (a→b) of n(a) − n(b), n being the number
 * of vehicles on a lane. The current phase is kept when it ties for the maximum; otherwise the
 * lowest-index phase among the maxima wins. Defaults: 15 s minimum green and decision interval,
 * 5 s yellow (the protocol's MaxPressure).
 */
public final class MaxPressure implements SignalControllerProvider {

  @Override
  public String name() {
    return "max-pressure";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String description() {
    return "greenest phase by pressure (upstream minus downstream vehicles), Varaiya 2013";
  }

  @Override
  public String source() {
    return "Varaiya, Max pressure control of a network of signalized intersections, Transportation Research Part C 36, 2013";
  }

  /** Its own class and the helpers its decisions depend on. */
  @Override
  public List<Class<?>> codeClasses() {
    return List.of(MaxPressure.class, EmergencyPreemption.class);
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> specs = new java.util.ArrayList<>(SignalTiming.parameters(15, 5, 15));
    specs.addAll(EmergencyPreemption.parameters(0));
    return List.copyOf(specs);
  }

  @Override
  public SignalController create(ParameterValues parameters) {
    SignalController c = (intersection, observation) -> PhaseDecision.of(choose(intersection, observation));
    return EmergencyPreemption.wrap(c, parameters);
  }

  /**
   * Pressure of phase {@code phase}: Σ over its green movements' lane links of n(start lane) −
   * n(end lane), vehicles.
   */
  public static int pressure(IntersectionLayout intersection, int phase, Observation observation) {
    int p = 0;
    for (int m : intersection.phases().get(phase).greenMovements()) {
      for (LaneLinkLayout l : intersection.movements().get(m).laneLinks()) {
        p += observation.laneVehicleCount(l.startLane()) - observation.laneVehicleCount(l.endLane());
      }
    }
    return p;
  }

  /** The max-pressure phase, keeping the current one on ties. */
  static int choose(IntersectionLayout intersection, Observation observation) {
    List<Integer> greens = intersection.greenPhases();
    int current = observation.currentPhase(intersection.index());
    int best = -1;
    int bestPressure = Integer.MIN_VALUE;
    int currentPressure = Integer.MIN_VALUE;
    for (int phase : greens) {
      int pr = pressure(intersection, phase, observation);
      if (pr > bestPressure) {
        bestPressure = pr;
        best = phase;
      }
      if (phase == current) {
        currentPressure = pr;
      }
    }
    return currentPressure == bestPressure ? current : best;
  }
}
