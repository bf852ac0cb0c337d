package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The City Brain Challenge's max-pressure baseline, as its starter kit codes it ({@code
 * agent/agent_MP.py} of {@code KDDCup2021-CityBrainChallenge-starter-kit}): every 20 s (first at
 * 10 s; phase 1 before) each signal takes the phase of largest pressure 3·Σ n(in) − Σ n(out), where
 * the in-lanes are the lanes its left and through movements leave from and the out-lanes every lane
 * of the roads they enter, n a lane's vehicle count; ties go to the lowest phase; a phase none of
 * whose left or through movements exists is never chosen. A change starts with the 5 s all red.
 * Published under the {@code cbengine2021} rules (IF_Bigdata's report, Table 3): the delay index
 * passes 1.40 at 699 s with 43,688 vehicles served.
 *
 * <p>The kit counts lanes of a 24-lane layout with −1 for a missing road; here the movements of
 * the network are counted, which is the same wherever an approach's movements all exist (at a
 * T-junction the kit still counts the in-lane of a movement towards the missing road).
 */
public final class KddMaxPressure implements SignalControllerProvider {
  /** Weight of an in-lane's vehicles against an out-lane's, as in the kit. */
  public static final int IN_LANE_WEIGHT = 3;

  /** Time between two decisions, s. */
  public static final double DECISION_SECONDS = 20;

  @Override
  public String name() {
    return "kdd-max-pressure";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String description() {
    return "the City Brain Challenge starter kit's max pressure: every 20 s, 3 x in-lane minus out-lane vehicles";
  }

  @Override
  public String source() {
    return "KDD Cup 2021 City Brain Challenge starter kit, agent/agent_MP.py (max-pressure baseline); IF_Bigdata technical report, Table 3";
  }

  /** Its own class and the fixed-time cycle it shares with {@link KddFixedTime}. */
  @Override
  public List<Class<?>> codeClasses() {
    return List.of(KddMaxPressure.class, KddFixedTime.class);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(new ParameterSpec("yellowSeconds", 5, 0, 60, "s", "all-red time at the start of every change"));
  }

  @Override
  public SignalTiming timing(ParameterValues p) {
    double yellow = p.get("yellowSeconds");
    return new SignalTiming(KddFixedTime.FIRST_CHANGE_SECONDS, yellow, DECISION_SECONDS);
  }

  @Override
  public SignalController create(ParameterValues parameters) {
    double green = DECISION_SECONDS - parameters.get("yellowSeconds");
    return (intersection, observation) -> {
      List<Integer> cycle = KddFixedTime.cycle(intersection);
      if (observation.timeSeconds() == 0) {
        return new PhaseDecision(cycle.get(0), KddFixedTime.FIRST_CHANGE_SECONDS);
      }
      int best = -1;
      long bestPressure = Long.MIN_VALUE;
      for (int phase : cycle) {
        Set<Integer> in = new LinkedHashSet<>();
        Set<Integer> out = new LinkedHashSet<>();
        for (int m : intersection.phases().get(phase).greenMovements()) {
          Movement movement = intersection.movements().get(m);
          if (movement.type() == io.citybrain.traffic.network.RoadLinkType.TURN_RIGHT) {
            continue;
          }
          for (LaneLinkLayout l : movement.laneLinks()) {
            in.add(l.startLane());
            out.add(l.endLane());
          }
        }
        if (in.isEmpty()) {
          continue;
        }
        long pressure = 0;
        for (int lane : in) {
          pressure += (long) IN_LANE_WEIGHT * observation.laneVehicleCount(lane);
        }
        for (int lane : out) {
          pressure -= observation.laneVehicleCount(lane);
        }
        if (pressure > bestPressure) {
          bestPressure = pressure;
          best = phase;
        }
      }
      int current = observation.currentPhase(intersection.index());
      if (best < 0 || best == current) {
        return new PhaseDecision(current < 0 || current == intersection.yellowPhase() ? cycle.get(0) : current, DECISION_SECONDS);
      }
      return new PhaseDecision(best, green);
    };
  }
}
