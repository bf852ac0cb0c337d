package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.algorithm.ParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Max-pressure control (Varaiya, "Max pressure control of a network of signalized
 * intersections", Transportation Research Part C 36, 2013; as used in the PressLight/MPLight
 * benchmarks). At each decision it picks the green phase of largest pressure.
 *
 * <p>Pressure comes in the variants the literature uses, chosen by parameters:
 *
 * <ul>
 *   <li>{@code downstream=0} (default, the CityFlow protocol's MaxPressure): a phase's pressure is
 *       the sum over its movements' lane links (a→b) of x(a) − x(b);
 *   <li>{@code downstream=1} (MaxPressure as coded by the XLight papers, Zhang et al. 2022, code
 *       {@code _get_traffic_movement_pressure_general}): a movement's pressure is x of its
 *       incoming lane(s) minus the <em>sum</em> of x over the lanes its lane links feed (the whole
 *       destination road in the research datasets); a phase's is the sum over its movements;
 *   <li>{@code downstream=2} (Efficient-MP, Wu et al., "Efficient pressure", arXiv 2112.02336;
 *       the same code's {@code _efficient}): as 1 with the <em>mean</em> of the destination lanes.
 * </ul>
 *
 * x is the number of vehicles on a lane ({@code pressureCount=0}) or of vehicles standing on it,
 * slower than 0.1 m/s ({@code pressureCount=1}, the queue). Movements green in every phase (right
 * turns) add the same amount to every phase and change no decision. Ties: with {@code
 * keepOnTie=1} (default) the current phase is kept when it ties for the maximum, otherwise the
 * lowest-index maximum wins; with 0 the lowest-index maximum always wins (the XLight code's
 * argmax). Defaults: 15 s minimum green and decision interval, 5 s yellow (the CityFlow
 * protocol's MaxPressure).
 */
public final class MaxPressure implements SignalControllerProvider {

  @Override
  public String name() {
    return "max-pressure";
  }

  @Override
  public String version() {
    return "1.1";
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
    return parameters(0, 0);
  }

  static List<ParameterSpec> parameters(double pressureCount, double downstream) {
    List<ParameterSpec> specs = new ArrayList<>(SignalTiming.parameters(15, 5, 15));
    specs.add(
        new ParameterSpec(
            "pressureCount", pressureCount, 0, 1, "1", "what is counted on a lane: 0 vehicles, 1 standing vehicles (queue)"));
    specs.add(
        new ParameterSpec(
            "downstream",
            downstream,
            0,
            2,
            "1",
            "downstream term: 0 per lane link, 1 sum over the movement's exit lanes, 2 their mean (Efficient-MP)"));
    specs.add(
        new ParameterSpec(
            "keepOnTie", 1, 0, 1, "1", "1: keep the current phase when it ties for the maximum; 0: lowest index wins"));
    specs.addAll(EmergencyPreemption.parameters(0));
    return List.copyOf(specs);
  }

  @Override
  public SignalController create(ParameterValues parameters) {
    return build(parameters);
  }

  /** A controller of the variant {@code p} selects (shared with {@link EfficientMaxPressure}). */
  static SignalController build(ParameterValues p) {
    Pressure pressure =
        new Pressure((int) p.get("pressureCount"), (int) p.get("downstream"), p.get("keepOnTie") != 0);
    SignalController c = (intersection, observation) -> PhaseDecision.of(pressure.choose(intersection, observation));
    return EmergencyPreemption.wrap(c, p);
  }

  /**
   * Pressure of phase {@code phase} in the default variant: Σ over its green movements' lane
   * links of n(start lane) − n(end lane), vehicles.
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

  /** The max-pressure phase in the default variant, keeping the current one on ties. */
  static int choose(IntersectionLayout intersection, Observation observation) {
    return new Pressure(0, 0, true).choose(intersection, observation);
  }

  /** One pressure variant (see the class comment). */
  static final class Pressure {
    private final boolean queue;
    private final int downstream;
    private final boolean keepOnTie;

    Pressure(int pressureCount, int downstream, boolean keepOnTie) {
      this.queue = pressureCount == 1;
      this.downstream = downstream;
      this.keepOnTie = keepOnTie;
    }

    private double x(Observation o, int lane) {
      return queue ? o.laneWaitingCount(lane) : o.laneVehicleCount(lane);
    }

    double phasePressure(IntersectionLayout in, int phase, Observation o) {
      double p = 0;
      for (int m : in.phases().get(phase).greenMovements()) {
        List<LaneLinkLayout> links = in.movements().get(m).laneLinks();
        if (downstream == 0) {
          for (LaneLinkLayout l : links) {
            p += x(o, l.startLane()) - x(o, l.endLane());
          }
          continue;
        }
        // distinct lanes in and out of the movement; a movement has a handful of lane links,
        // so the small sets cost less than the decision's other work
        Set<Integer> ins = new LinkedHashSet<>();
        Set<Integer> outs = new LinkedHashSet<>();
        for (LaneLinkLayout l : links) {
          ins.add(l.startLane());
          outs.add(l.endLane());
        }
        double out = 0;
        for (int b : outs) {
          out += x(o, b);
        }
        if (downstream == 2 && !outs.isEmpty()) {
          out /= outs.size();
        }
        for (int a : ins) {
          p += x(o, a);
        }
        p -= out;
      }
      return p;
    }

    int choose(IntersectionLayout in, Observation o) {
      int current = o.currentPhase(in.index());
      int best = -1;
      double bestPressure = Double.NEGATIVE_INFINITY;
      double currentPressure = Double.NaN;
      for (int phase : in.greenPhases()) {
        double pr = phasePressure(in, phase, o);
        if (pr > bestPressure) {
          bestPressure = pr;
          best = phase;
        }
        if (phase == current) {
          currentPressure = pr;
        }
      }
      return keepOnTie && currentPressure == bestPressure ? current : best;
    }
  }
}
