package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.algorithm.ParameterSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Self-organising traffic lights, SOTL (Gershenson, "Self-organizing traffic lights", Complex
 * Systems 16, 2005; Cools, Gershenson and D'Hooghe, "Self-organizing traffic lights: a realistic
 * simulation", in Advances in Applied Self-Organizing Systems, 2013), in the multi-phase form used
 * by signal-control benchmarks. Each second every intersection accumulates κ, the vehicle-seconds
 * of vehicles standing still on lanes the current green does not serve (and on green lanes whose
 * first vehicle stands at the stop line: on a lane shared by a green and a red movement it waits
 * for the red one; detectors cannot tell movements apart). After the minimum green the light moves
 * to the next green phase in cycle order when κ ≥ {@code thresholdVehicleSeconds} (θ) and at most
 * {@code platoonVehicles} (μ) vehicles remain within {@code detectionRangeMeters} (ω) of the stop
 * line on the lanes the green serves, so a discharging queue or passing platoon is not cut. κ
 * restarts at each switch, so even one waiting vehicle eventually gets its green. Decisions every
 * second.
 */
public final class Sotl implements SignalControllerProvider {

  @Override
  public String name() {
    return "sotl";
  }

  @Override
  public String version() {
    return "1.1";
  }

  @Override
  public String description() {
    return "self-organising traffic lights: switch when waiting vehicle-seconds build up, unless a platoon is passing (Gershenson 2005)";
  }

  @Override
  public String source() {
    return "Gershenson, Self-organizing traffic lights, Complex Systems 16, 2005; Cools, Gershenson and D'Hooghe, Self-organizing traffic lights: a realistic simulation, 2013";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> timing = SignalTiming.parameters(10, 5, 1);
    return List.of(
        timing.get(0),
        timing.get(1),
        timing.get(2),
        new ParameterSpec(
            "thresholdVehicleSeconds", 30, 1, 100000, "vehicle·s", "waiting vehicle-seconds (κ) that call for a switch (θ)"),
        new ParameterSpec(
            "platoonVehicles", 2, 0, 1000, "vehicles", "largest approaching platoon on green whose tail is not cut (μ)"),
        new ParameterSpec(
            "detectionRangeMeters", 60, 1, 10000, "m", "detection range upstream of the stop line (ω)"));
  }

  @Override
  public SignalController create(ParameterValues p) {
    return new Controller(
        p.get("thresholdVehicleSeconds"), p.get("platoonVehicles"), p.get("detectionRangeMeters"));
  }

  /** Per-run state: κ per intersection. */
  private static final class Controller implements SignalController {
    private final double theta;
    private final double mu;
    private final double range;
    private double[] kappa = new double[0];
    private double[] lastTime = new double[0];

    Controller(double theta, double mu, double range) {
      this.theta = theta;
      this.mu = mu;
      this.range = range;
    }

    @Override
    public void init(List<IntersectionLayout> intersections) {
      int max = intersections.stream().mapToInt(IntersectionLayout::index).max().orElse(-1) + 1;
      kappa = new double[max];
      lastTime = new double[max];
    }

    @Override
    public PhaseDecision decide(IntersectionLayout intersection, Observation observation) {
      int i = intersection.index();
      List<Integer> greens = intersection.greenPhases();
      int current = observation.currentPhase(i);
      double now = observation.timeSeconds();
      if (now == 0 || !greens.contains(current)) {
        kappa[i] = 0;
        lastTime[i] = now;
        return PhaseDecision.of(greens.get(0));
      }
      Set<Integer> greenLanes = new HashSet<>();
      for (int m : intersection.phases().get(current).greenMovements()) {
        for (LaneLinkLayout l : intersection.movements().get(m).laneLinks()) {
          greenLanes.add(l.startLane());
        }
      }
      int waiting = 0;
      int approaching = 0;
      for (int lane : intersection.incomingLanes()) {
        if (!greenLanes.contains(lane) || headBlocked(observation, lane)) {
          waiting += observation.laneWaitingCount(lane);
        } else {
          approaching += observation.laneVehicleCountWithin(lane, range);
        }
      }
      kappa[i] += waiting * (now - lastTime[i]);
      lastTime[i] = now;
      boolean switchNow = kappa[i] >= theta && approaching <= mu;
      if (switchNow && greens.size() > 1) {
        kappa[i] = 0;
        int at = greens.indexOf(current);
        return PhaseDecision.of(greens.get((at + 1) % greens.size()));
      }
      return PhaseDecision.of(current);
    }

    /**
     * True when the lane's first vehicle stands at the stop line although the lane has green: it
     * waits for a movement the green does not serve (or for space downstream).
     */
    private static boolean headBlocked(Observation observation, int lane) {
      double[] distance = new double[1];
      double[] speed = new double[1];
      return observation.laneVehicles(lane, distance, speed) == 1 && speed[0] < 0.1 && distance[0] < 10;
    }

  }
}
