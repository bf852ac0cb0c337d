package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.algorithm.ParameterSpec;
import java.util.List;

/**
 * Actuated max-pressure: the phase is chosen by pressure computed on the vehicles near the stop
 * line, and the green lasts as long as its queue keeps discharging (vehicle-actuated extension),
 * decided every second.
 *
 * <p>Sources: max-pressure phase choice (Varaiya, "Max pressure control of a network of
 * signalized intersections", Transportation Research Part C 36, 2013); pressure on vehicles
 * within an effective range of the stop line, moving vehicles counted apart from the queue
 * (Zhang et al., "Expression might be enough", ICML 2022); green extension while vehicles keep
 * arriving in a detection zone, with minimum and maximum green (gap-out / max-out of
 * vehicle-actuated control: FHWA Traffic Signal Timing Manual, 2nd ed., 2015, ch. 5); switching
 * only when the pressure gained exceeds what the lost time costs (the switching-cost argument of
 * Kouvelas, Lioris, Fayazi and Varaiya, "Maximum pressure controller for stabilizing queues in
 * signalized arterial networks", TRR 2421, 2014).
 *
 * <p>Per deciding movement (incoming lane a, outgoing lanes b₁…bₖ; right turns, green in every
 * phase, are left out) the controller reads, every decision:
 *
 * <pre>
 *   value(a) = queue(a) + runningWeight · moving(a) − downstreamWeight · mean n(bᵢ)
 *              + ageWeight · (seconds since a was last green, when queue(a) &gt; 0)
 * </pre>
 *
 * where queue and moving count the standing (&lt; 0.1 m/s) and moving vehicles within {@code
 * rangeMeters} of the stop line and n(b) the vehicles on an outgoing lane. A phase's pressure is
 * the sum of its lanes' values. Then:
 *
 * <ol>
 *   <li>at time 0, or when no green is shown, the phase of largest pressure is chosen;
 *   <li>the current green is <em>active</em> when one of its lanes has a vehicle within {@code
 *       gapMeters} of the stop line that is moving, or any vehicle there during the first
 *       {@code startupSeconds} of the green (the queue is starting up); an active green shorter
 *       than {@code maxGreenSeconds} is kept unless another phase's pressure exceeds it by at
 *       least {@code extendMargin} vehicles (cutting a discharging queue costs the yellow and a
 *       new start-up);
 *   <li>otherwise the phase of largest pressure is chosen if it exceeds the current one's by more
 *       than {@code switchMargin}; else the green is kept.
 * </ol>
 *
 * The engine adds the yellow between different greens and holds a new green for {@code
 * minGreenSeconds}. The age term is the controller's own signal history (when it last served a
 * lane), not any vehicle's identity; it bounds how long a small queue can be passed over.
 */
public final class ActuatedPressure implements SignalControllerProvider {

  @Override
  public String name() {
    return "actuated-pressure";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String description() {
    return "pressure near the stop line, green extended while its queue discharges (max-pressure + actuated control)";
  }

  @Override
  public String source() {
    return "citybrain; after Varaiya 2013 (max pressure), Zhang et al. ICML 2022 (effective range), FHWA Traffic Signal Timing Manual 2nd ed. 2015 ch. 5 (gap-out/max-out), Kouvelas et al. TRR 2421 2014 (switching cost)";
  }

  /** Its own class and the helpers its decisions depend on. */
  @Override
  public List<Class<?>> codeClasses() {
    return List.of(ActuatedPressure.class, EmergencyPreemption.class, LaneScan.class, PhaseLanes.class);
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> t = SignalTiming.parameters(5, 5, 1);
    return List.of(
        t.get(0),
        t.get(1),
        t.get(2),
        new ParameterSpec(
            "rangeMeters", 120, 0, 10000, "m", "upstream range of the stop line in which vehicles count"),
        new ParameterSpec(
            "runningWeight", 2, 0, 10, "1", "weight of a moving vehicle in range against a standing one"),
        new ParameterSpec(
            "downstreamWeight", 0.25, 0, 10, "1", "weight of the mean vehicles on the outgoing lanes"),
        new ParameterSpec(
            "gapMeters", 40, 0, 1000, "m", "detection zone before the stop line that extends the green"),
        new ParameterSpec(
            "startupSeconds", 3, 0, 60, "s", "start of a green during which a standing queue extends it"),
        new ParameterSpec(
            "maxGreenSeconds", 60, 1, 3600, "s", "longest green extended by arriving vehicles"),
        new ParameterSpec(
            "extendMargin", 15, 0, 1000, "vehicles", "pressure lead another phase needs to cut a discharging green"),
        new ParameterSpec(
            "switchMargin", 0, 0, 1000, "vehicles", "pressure lead another phase needs to replace an idle green"),
        new ParameterSpec(
            "ageWeight", 0.05, 0, 10, "vehicles/s", "pressure added per second a lane with a queue has waited since its last green"),
        EmergencyPreemption.parameters().get(0),
        EmergencyPreemption.parameters().get(1));
  }

  @Override
  public List<TuningRange> tuningRanges() {
    return List.of(
        new TuningRange("minGreenSeconds", 5, 20, 1),
        new TuningRange("rangeMeters", 50, 400, 10),
        new TuningRange("runningWeight", 0, 4, 0.05),
        new TuningRange("downstreamWeight", 0, 2, 0.05),
        new TuningRange("gapMeters", 5, 80, 1),
        new TuningRange("startupSeconds", 0, 8, 1),
        new TuningRange("maxGreenSeconds", 20, 120, 5),
        new TuningRange("extendMargin", 0, 40, 0.5),
        new TuningRange("switchMargin", 0, 10, 0.5),
        new TuningRange("ageWeight", 0, 0.1, 0.001));
  }

  @Override
  public SignalController create(ParameterValues p) {
    return EmergencyPreemption.wrap(new Controller(p), p);
  }

  /** One run's controller: parameters, per-intersection lane structure and signal history. */
  static final class Controller implements SignalController {
    private final double range;
    private final double runningWeight;
    private final double downstreamWeight;
    private final double gap;
    private final double startup;
    private final double maxGreen;
    private final double extendMargin;
    private final double switchMargin;
    private final double ageWeight;
    private final LaneScan scan = new LaneScan();
    private PhaseLanes[] lanes = new PhaseLanes[0];
    /** Per intersection and deciding lane: the last time it had green, s. */
    private double[][] lastGreen = new double[0][];

    Controller(ParameterValues p) {
      range = p.get("rangeMeters");
      runningWeight = p.get("runningWeight");
      downstreamWeight = p.get("downstreamWeight");
      gap = p.get("gapMeters");
      startup = p.get("startupSeconds");
      maxGreen = p.get("maxGreenSeconds");
      extendMargin = p.get("extendMargin");
      switchMargin = p.get("switchMargin");
      ageWeight = p.get("ageWeight");
    }

    @Override
    public void init(List<IntersectionLayout> intersections) {
      lanes = PhaseLanes.index(intersections);
      lastGreen = new double[lanes.length][];
      for (int i = 0; i < lanes.length; i++) {
        if (lanes[i] != null) {
          lastGreen[i] = new double[lanes[i].lanes.length];
        }
      }
    }

    @Override
    public PhaseDecision decide(IntersectionLayout in, Observation obs) {
      PhaseLanes g = PhaseLanes.of(lanes, in);
      double[] served = history(in, g);
      int n = g.lanes.length;
      double now = obs.timeSeconds();
      double elapsed = obs.phaseElapsedSeconds(in.index());
      int cur = obs.currentPhase(in.index());
      double[] value = scan.buffer(0, n);
      double[] active = scan.buffer(1, n);
      for (int k = 0; k < n; k++) {
        int count = scan.read(obs, g.lanes[k]);
        double queue = 0;
        double moving = 0;
        for (int j = 0; j < count && scan.distance[j] <= range; j++) {
          boolean standing = scan.speed[j] < LaneScan.STOPPED_SPEED;
          if (standing) {
            queue++;
          } else {
            moving++;
          }
          if (scan.distance[j] <= gap && (!standing || elapsed < startup)) {
            active[k] = 1;
          }
        }
        double out = 0;
        for (int b : g.exits[k]) {
          out += obs.laneVehicleCount(b);
        }
        if (g.exits[k].length > 0) {
          out /= g.exits[k].length;
        }
        double age = queue > 0 ? now - served[k] : 0;
        value[k] = queue + runningWeight * moving - downstreamWeight * out + ageWeight * age;
      }
      if (g.isGreen(cur)) {
        for (int k : g.phaseLanes[cur]) {
          served[k] = now;
        }
      }
      int best = -1;
      double bestPressure = Double.NEGATIVE_INFINITY;
      for (int p : in.greenPhases()) {
        double s = g.sum(p, value);
        if (s > bestPressure) {
          bestPressure = s;
          best = p;
        }
      }
      if (now == 0 || !g.isGreen(cur)) {
        return PhaseDecision.of(best);
      }
      double curPressure = g.sum(cur, value);
      boolean discharging = g.sum(cur, active) > 0;
      if (discharging && elapsed < maxGreen && bestPressure - curPressure < extendMargin) {
        return PhaseDecision.of(cur);
      }
      return PhaseDecision.of(bestPressure > curPressure + switchMargin ? best : cur);
    }

    private double[] history(IntersectionLayout in, PhaseLanes g) {
      int i = in.index();
      if (i >= 0 && i < lastGreen.length && lastGreen[i] != null && lastGreen[i].length == g.lanes.length) {
        return lastGreen[i];
      }
      // not initialised for this layout (direct calls in tests): no history
      return new double[g.lanes.length];
    }
  }
}
