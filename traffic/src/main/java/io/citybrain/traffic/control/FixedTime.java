package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.algorithm.ParameterSpec;
import java.util.List;

/**
 * Fixed-time control: every green phase in index order for the same green time, the yellow phase
 * between them, all intersections in sync from time 0 (no offsets). With the defaults (30 s
 * green, 5 s yellow) and the 8 green phases of the research datasets the cycle is 280 s: the
 * protocol's FixedTime baseline (Webster-style uniform split without optimisation; Roess,
 * Prassas and McShane, Traffic Engineering, ch. 18).
 *
 * <p>At a decision the current green is kept until it has been shown {@code greenSeconds} and
 * then the next green follows. Under a protocol that decides more often than that (xlight15: every
 * 15 s with {@code greenSeconds=15}, the XLight code's {@code FIXED_TIME}) this is the published
 * FixedTime: the first green 15 s, then 5 s yellow and 25 s of each green, a 120 s cycle.
 */
public final class FixedTime implements SignalControllerProvider {

  @Override
  public String name() {
    return "fixed-time";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String description() {
    return "uniform green per phase in index order, yellow between greens, no offsets";
  }

  @Override
  public String source() {
    return "Roess, Prassas and McShane, Traffic Engineering, 4th ed., 2011, ch. 18 (uniform split); the FixedTime baseline of the PressLight/MPLight benchmark protocol";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        new ParameterSpec("greenSeconds", 30, 1, 3600, "s", "green time of every phase"),
        new ParameterSpec("yellowSeconds", 5, 0, 60, "s", "yellow/all-red time between greens"));
  }

  @Override
  public SignalTiming timing(ParameterValues p) {
    return new SignalTiming(p.get("greenSeconds"), p.get("yellowSeconds"), p.get("greenSeconds"));
  }

  @Override
  public SignalController create(ParameterValues parameters) {
    double green = parameters.get("greenSeconds");
    return (intersection, observation) -> {
      List<Integer> greens = intersection.greenPhases();
      int current = observation.currentPhase(intersection.index());
      int at = greens.indexOf(current);
      if (observation.timeSeconds() == 0 && at < 0) {
        return PhaseDecision.of(greens.get(0));
      }
      // keep a green until it has had its time (a protocol may decide more often than that)
      if (at >= 0 && observation.phaseElapsedSeconds(intersection.index()) < green) {
        return PhaseDecision.of(current);
      }
      return PhaseDecision.of(greens.get((at + 1) % greens.size()));
    };
  }
}
