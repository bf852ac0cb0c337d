package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import java.util.ArrayList;
import java.util.List;

/**
 * The City Brain Challenge's fixed-time baseline, as its starter kit codes it ({@code
 * agent/agent.py} of {@code KDDCup2021-CityBrainChallenge-starter-kit}): every signal shows the
 * challenge's phases 1, 2, ..., 8 in turn, changing every 20 s; each change starts with the 5 s
 * all red, so a phase is green for 15 s. Phase 1 is shown from time 0 and the first change comes
 * at 10 s (the kit's agent acts every 10 s and changes every second action). Phases whose only
 * movements are right turns are shown too, as in the kit. Under the {@code cbengine2021} rules this
 * is the baseline of the published table (IF_Bigdata's report, Table 3: the delay index passes
 * 1.40 at 519 s with 37,672 vehicles served).
 */
public final class KddFixedTime implements SignalControllerProvider {
  /** Time between two changes, all red included, s. */
  public static final double CYCLE_STEP_SECONDS = 20;

  /** Time phase 1 is shown before the first change, s. */
  public static final double FIRST_CHANGE_SECONDS = 10;

  @Override
  public String name() {
    return "kdd-fixed-time";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String description() {
    return "the City Brain Challenge starter kit's fixed time: phases 1..8 every 20 s, 5 s all red first";
  }

  @Override
  public String source() {
    return "KDD Cup 2021 City Brain Challenge starter kit, agent/agent.py (fixed-time baseline); IF_Bigdata technical report, Table 3";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(new ParameterSpec("yellowSeconds", 5, 0, 60, "s", "all-red time at the start of every change"));
  }

  @Override
  public SignalTiming timing(ParameterValues p) {
    double yellow = p.get("yellowSeconds");
    return new SignalTiming(FIRST_CHANGE_SECONDS, yellow, CYCLE_STEP_SECONDS - yellow);
  }

  @Override
  public SignalController create(ParameterValues parameters) {
    double green = CYCLE_STEP_SECONDS - parameters.get("yellowSeconds");
    return (intersection, observation) -> {
      List<Integer> cycle = cycle(intersection);
      if (observation.timeSeconds() == 0) {
        return new PhaseDecision(cycle.get(0), FIRST_CHANGE_SECONDS);
      }
      int at = cycle.indexOf(observation.currentPhase(intersection.index()));
      return new PhaseDecision(cycle.get((at + 1) % cycle.size()), green);
    };
  }

  /** Every phase but the all-red one, in index order (phases 1..8 of a challenge network). */
  static List<Integer> cycle(IntersectionLayout intersection) {
    List<Integer> cycle = new ArrayList<>();
    for (PhaseLayout p : intersection.phases()) {
      if (p.index() != intersection.yellowPhase()) {
        cycle.add(p.index());
      }
    }
    return cycle;
  }
}
