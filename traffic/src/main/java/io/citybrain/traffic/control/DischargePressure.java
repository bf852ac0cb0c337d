package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.algorithm.ParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Discharge-pressure control: at each decision, the green phase that lets the most vehicles
 * cross the stop line before the next decision, counting the yellow a change costs, plus a share
 * of the queue pressure so that small queues are not passed over for ever. Training-free; built
 * for decisions at fixed instants (the xlight15 protocol: every 15 s, 5 s of yellow inside).
 *
 * <p>Per deciding incoming lane a (right turns, green in every phase, are left out), for a green
 * that starts s seconds from now (0 when the phase is kept, the yellow when it changes) and lasts
 * until the next decision T: its vehicles, front first, at distance x from the stop line with
 * speed v, reach the line at the earliest at t = the time to cover x accelerating at {@code
 * accelerationMps2} up to the lane's limit; they cross at c = max(t, s, c_prev + h), one every
 * {@code headwaySeconds} at most (the saturation headway: queue discharge, Greenshields/HCM
 * saturation flow). served(a) = vehicles with c &le; T, at most the room of the lanes their
 * movement feeds (free length ÷ {@code vehicleSpacingMeters}: a full exit blocks the box). Then
 *
 * <p>Each crossing at c s from now is worth 1 + {@code earlyWeight} · (H − c), H the end of the
 * lookahead: a vehicle served earlier spares its own waiting and that of those behind it. With
 * {@code lookaheadDecisions=2} (default) H is two decision intervals, and a phase's value adds the
 * better continuation at the next decision: keep it a second interval, or change then to the
 * phase whose lanes discharge most after that yellow. Then
 *
 * <pre>
 *   value(p) = served(p now) + max(served(p kept), max over q of served(q next))
 *              + pressureWeight · Σ over p's lanes (queue(a) − mean queue(exits))
 * </pre>
 *
 * with the efficient pressure of Efficient-MP (Wu et al. 2021) as last term; the phase of
 * largest value is chosen, the current one on ties. This is a two-step lookahead of the "maximum
 * weighted service" rule of queueing networks (Tassiulas and Ephremides, IEEE TAC 37, 1992),
 * with the switching loss of Kouvelas et al. (TRR 2421, 2014) made explicit by the shifted green
 * start. It sees only detector data: positions and speeds on lanes, map lengths and speed
 * limits. No training; the defaults were chosen on Jinan 1 and Hangzhou 1 from a grid of 16
 * settings (docs/controllers.md).
 */
public final class DischargePressure implements SignalControllerProvider {

  @Override
  public String name() {
    return "discharge-pressure";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String description() {
    return "most vehicles discharged before the next decision, yellow counted, plus queue pressure";
  }

  @Override
  public String source() {
    return "citybrain; saturation-headway queue discharge (HCM / Greenshields) with max-pressure (Varaiya 2013) as its tie-breaker";
  }

  /** Its own class and the helpers its decisions depend on. */
  @Override
  public List<Class<?>> codeClasses() {
    return List.of(DischargePressure.class, LaneScan.class, PhaseLanes.class);
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> specs = new ArrayList<>(SignalTiming.parameters(10, 5, 15));
    specs.add(new ParameterSpec("headwaySeconds", 2.0, 0.5, 5, "s", "saturation headway: one vehicle crosses per headway at most"));
    specs.add(new ParameterSpec("accelerationMps2", 2.0, 0.5, 5, "m/s^2", "acceleration assumed to reach the stop line"));
    specs.add(new ParameterSpec("vehicleSpacingMeters", 7.5, 3, 20, "m", "length of lane one queued vehicle takes (length + gap)"));
    specs.add(new ParameterSpec("pressureWeight", 0.3, 0, 10, "1", "weight of the queue pressure against vehicles discharged"));
    specs.add(
        new ParameterSpec(
            "earlyWeight",
            0.1,
            0,
            1,
            "1/s",
            "extra weight per second a vehicle crosses before the end of the lookahead (0: every crossing counts 1)"));
    specs.add(
        new ParameterSpec(
            "lookaheadDecisions",
            2,
            1,
            2,
            "1",
            "decisions looked ahead: 1 this interval only; 2 also the best next choice (keep or change again)"));
    return List.copyOf(specs);
  }

  @Override
  public List<TuningRange> tuningRanges() {
    return List.of(
        new TuningRange("headwaySeconds", 1.2, 3.0, 0.1),
        new TuningRange("pressureWeight", 0, 2, 0.05),
        new TuningRange("accelerationMps2", 1, 3, 0.25));
  }

  @Override
  public SignalController create(ParameterValues p) {
    return new Controller(
        p.get("decisionIntervalSeconds"),
        p.get("yellowSeconds"),
        p.get("headwaySeconds"),
        p.get("accelerationMps2"),
        p.get("vehicleSpacingMeters"),
        p.get("pressureWeight"),
        p.get("earlyWeight"),
        (int) p.get("lookaheadDecisions"));
  }

  /** One run's controller. */
  static final class Controller implements SignalController {
    private final double horizon;
    private final double yellow;
    private final double headway;
    private final double accel;
    private final double spacing;
    private final double weight;
    private final double early;
    private final int lookahead;
    private final LaneScan scan = new LaneScan();
    private PhaseLanes[] lanes = new PhaseLanes[0];
    private double[][] values = new double[0][];

    Controller(
        double horizon,
        double yellow,
        double headway,
        double accel,
        double spacing,
        double weight,
        double early,
        int lookahead) {
      this.horizon = horizon;
      this.yellow = yellow;
      this.headway = headway;
      this.accel = accel;
      this.spacing = spacing;
      this.weight = weight;
      this.early = early;
      this.lookahead = lookahead;
    }

    @Override
    public void init(List<IntersectionLayout> intersections) {
      lanes = PhaseLanes.index(intersections);
    }

    @Override
    public PhaseDecision decide(IntersectionLayout in, Observation obs) {
      PhaseLanes g = PhaseLanes.of(lanes, in);
      int n = g.lanes.length;
      double h1 = horizon;
      double h2 = lookahead == 2 ? 2 * horizon : horizon;
      // per lane: kept now for one interval (keep1) or two (keep2); changed now for one (change1)
      // or two (change2); served only in the second interval after a change then (later)
      if (values.length < 6 || values[0].length < n) {
        values = new double[6][Math.max(n, 16)];
      }
      double[] keep1 = values[0];
      double[] change1 = values[1];
      double[] keep2 = values[2];
      double[] change2 = values[3];
      double[] later = values[4];
      double[] pressure = values[5];
      for (int k = 0; k < n; k++) {
        int lane = g.lanes[k];
        double room = 0;
        double outQueue = 0;
        for (int b : g.exits[k]) {
          room += roomOf(obs, b);
          outQueue += obs.laneWaitingCount(b);
        }
        int count = scan.read(obs, lane);
        double vmax = obs.laneSpeedLimitMetersPerSecond(lane);
        keep1[k] = served(count, vmax, 0, h1, room, h2);
        change1[k] = served(count, vmax, yellow, h1, room, h2);
        if (lookahead == 2) {
          keep2[k] = served(count, vmax, 0, h2, room, h2);
          change2[k] = served(count, vmax, yellow, h2, room, h2);
          later[k] = served(count, vmax, h1 + yellow, h2, room, h2);
        }
        double queue = 0;
        for (int j = 0; j < count; j++) {
          if (scan.speed[j] < LaneScan.STOPPED_SPEED) {
            queue++;
          }
        }
        pressure[k] = queue - (g.exits[k].length == 0 ? 0 : outQueue / g.exits[k].length);
      }
      int cur = obs.currentPhase(in.index());
      boolean curGreen = g.isGreen(cur);
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      double curValue = Double.NaN;
      for (int p : in.greenPhases()) {
        boolean kept = p == cur;
        double v = g.sum(p, kept ? keep1 : change1);
        if (lookahead == 2) {
          // the better of keeping p for the next interval too, or changing to another phase then
          double next = g.sum(p, kept ? keep2 : change2) - v;
          for (int q : in.greenPhases()) {
            if (q != p) {
              next = Math.max(next, g.sum(q, later));
            }
          }
          v += next;
        }
        v += weight * g.sum(p, pressure);
        if (v > bestValue) {
          bestValue = v;
          best = p;
        }
        if (kept) {
          curValue = v;
        }
      }
      return PhaseDecision.of(curGreen && curValue >= bestValue ? cur : best);
    }

    /**
     * Value of the vehicles of the lane last read that cross the stop line with green from {@code
     * start} to {@code end} s from now, at most {@code room} of them: 1 per crossing plus {@code
     * earlyWeight} per second it spares before {@code weightEnd}.
     */
    private double served(int count, double vmax, double start, double end, double room, double weightEnd) {
      double last = Double.NEGATIVE_INFINITY;
      double served = 0;
      for (int j = 0; j < count && j < room; j++) {
        double c = Math.max(Math.max(reachTime(scan.distance[j], scan.speed[j], vmax), start), last + headway);
        if (c > end) {
          break;
        }
        served += 1 + early * (weightEnd - c);
        last = c;
      }
      return served;
    }

    /** Time to cover {@code x} m from speed {@code v}, accelerating up to {@code vmax}, s. */
    private double reachTime(double x, double v, double vmax) {
      if (x <= 0) {
        return 0;
      }
      if (v >= vmax) {
        return x / v;
      }
      double toMax = (vmax * vmax - v * v) / (2 * accel);
      if (x <= toMax) {
        return (Math.sqrt(v * v + 2 * accel * x) - v) / accel;
      }
      return (vmax - v) / accel + (x - toMax) / vmax;
    }

    /**
     * Vehicles that fit on exit lane {@code b} before the next decision: the free length behind
     * its last vehicle, plus what that vehicle frees by driving on, in vehicle spacings.
     */
    private double roomOf(Observation obs, int b) {
      int count = scan.read(obs, b);
      double length = obs.laneLengthMeters(b);
      if (count == 0) {
        return Math.floor(length / spacing);
      }
      double free = length - scan.distance[count - 1] - spacing + scan.speed[count - 1] * horizon;
      return Math.max(0, Math.floor(Math.min(free, length) / spacing));
    }
  }
}
