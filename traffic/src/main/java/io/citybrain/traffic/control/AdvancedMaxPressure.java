package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.algorithm.ParameterSpec;
import java.util.List;

/**
 * Advanced max-pressure, Advanced-MP (Zhang, Liu, Zhang, Zhao, Yang, Shen and Li, "Expression
 * might be enough: representing pressure and demand for reinforcement learning based traffic
 * signal control", ICML 2022).
 *
 * <p>Two detector quantities per deciding movement (incoming lane a, outgoing lanes b₁…bₖ):
 *
 * <ul>
 *   <li><b>efficient pressure</b> q(a) − mean q(bᵢ), q being the vehicles standing on a lane
 *       (slower than 0.1 m/s, the queue);
 *   <li><b>effective running vehicles</b>: vehicles moving on a within {@code
 *       effectiveRangeMeters} of the stop line, those that can still pass in the next green
 *       interval (the paper's range is the distance covered at the speed limit in one action
 *       interval: 11.1 m/s × 15 s ≈ 167 m).
 * </ul>
 *
 * A phase's pressure is the sum of its movements' efficient pressures and its demand the sum of
 * their effective running vehicles. At a decision the current green is kept while its demand
 * times {@code demandWeight} is at least the largest pressure of any phase (its platoon is still
 * arriving); otherwise the phase of largest pressure is chosen (the current one on ties, else the
 * lowest index). Movements green in every phase (right turns) are left out: they cannot tell
 * phases apart. Defaults are the paper's: 15 s action interval, 5 s yellow, 167 m, weight 1.
 */
public final class AdvancedMaxPressure implements SignalControllerProvider {

  @Override
  public String name() {
    return "advanced-mp";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String description() {
    return "queue pressure plus running vehicles within an effective range (Advanced-MP, Zhang et al. 2022)";
  }

  @Override
  public String source() {
    return "Zhang et al., Expression might be enough: representing pressure and demand for reinforcement learning based traffic signal control, ICML 2022";
  }

  /** Its own class and the helpers its decisions depend on. */
  @Override
  public List<Class<?>> codeClasses() {
    return List.of(AdvancedMaxPressure.class, EmergencyPreemption.class, LaneScan.class, PhaseLanes.class);
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> t = SignalTiming.parameters(15, 5, 15);
    return List.of(
        t.get(0),
        t.get(1),
        t.get(2),
        new ParameterSpec(
            "effectiveRangeMeters",
            167,
            0,
            10000,
            "m",
            "upstream range of the stop line in which moving vehicles count as demand of the green"),
        new ParameterSpec(
            "demandWeight",
            1,
            0,
            100,
            "1",
            "weight of the current green's running vehicles against the largest queue pressure"),
        new ParameterSpec(
            "rangeFromRoadStart",
            0,
            0,
            1,
            "1",
            "1: measure the range as the XLight code does, from the upstream intersection's centre"
                + " (a vehicle counts when its distance along the lane is at least road length - range)"),
        new ParameterSpec(
            "keepOnTie", 1, 0, 1, "1", "1: keep the current phase when it ties for the largest pressure; 0: lowest index wins"),
        EmergencyPreemption.parameters().get(0),
        EmergencyPreemption.parameters().get(1));
  }

  @Override
  public List<TuningRange> tuningRanges() {
    return List.of(
        new TuningRange("minGreenSeconds", 5, 30, 1),
        new TuningRange("decisionIntervalSeconds", 1, 30, 1),
        new TuningRange("effectiveRangeMeters", 30, 400, 5),
        new TuningRange("demandWeight", 0, 3, 0.05));
  }

  @Override
  public SignalController create(ParameterValues p) {
    return EmergencyPreemption.wrap(
        new Controller(
            p.get("effectiveRangeMeters"),
            p.get("demandWeight"),
            p.get("rangeFromRoadStart") != 0,
            p.get("keepOnTie") != 0),
        p);
  }

  /** One run's controller: per-intersection lane structure plus scratch buffers. */
  static final class Controller implements SignalController {
    private final double range;
    private final double weight;
    private final boolean fromRoadStart;
    private final boolean keepOnTie;
    private final LaneScan scan = new LaneScan();
    private PhaseLanes[] lanes = new PhaseLanes[0];

    Controller(double range, double weight) {
      this(range, weight, false, true);
    }

    Controller(double range, double weight, boolean fromRoadStart, boolean keepOnTie) {
      this.range = range;
      this.weight = weight;
      this.fromRoadStart = fromRoadStart;
      this.keepOnTie = keepOnTie;
    }

    @Override
    public void init(List<IntersectionLayout> intersections) {
      lanes = PhaseLanes.index(intersections);
    }

    @Override
    public PhaseDecision decide(IntersectionLayout in, Observation obs) {
      PhaseLanes g = PhaseLanes.of(lanes, in);
      int n = g.lanes.length;
      double[] pressure = scan.buffer(0, n);
      double[] running = scan.buffer(1, n);
      for (int k = 0; k < n; k++) {
        int count = scan.read(obs, g.lanes[k]);
        // the XLight code measures from the upstream intersection centre: a vehicle counts when
        // its distance along the lane is at least (road length - range)
        double window =
            fromRoadStart
                ? obs.laneLengthMeters(g.lanes[k]) - (obs.roadLengthMeters(g.lanes[k]) - range)
                : range;
        double queue = 0;
        double moving = 0;
        for (int j = 0; j < count; j++) {
          if (scan.speed[j] < LaneScan.STOPPED_SPEED) {
            queue++;
          } else if (scan.distance[j] <= window) {
            moving++;
          }
        }
        double out = 0;
        for (int b : g.exits[k]) {
          out += obs.laneWaitingCount(b);
        }
        pressure[k] = queue - (g.exits[k].length == 0 ? 0 : out / g.exits[k].length);
        running[k] = moving;
      }
      int cur = obs.currentPhase(in.index());
      int best = -1;
      double bestPressure = Double.NEGATIVE_INFINITY;
      double curPressure = Double.NaN;
      for (int p : in.greenPhases()) {
        double s = g.sum(p, pressure);
        if (s > bestPressure) {
          bestPressure = s;
          best = p;
        }
        if (p == cur) {
          curPressure = s;
        }
      }
      if (!g.isGreen(cur)) {
        return PhaseDecision.of(best);
      }
      if (weight * g.sum(cur, running) >= bestPressure || (keepOnTie && curPressure == bestPressure)) {
        return PhaseDecision.of(cur);
      }
      return PhaseDecision.of(best);
    }
  }
}
