package io.citybrain.traffic.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which engine's rules a simulation follows. The network, demand, signals and the read API are
 * the same; how vehicles move differs.
 */
public enum EngineRules {
  /**
   * CityFlow's rules (commit 81ee0f4; {@code docs/traffic-model.md}): Krauss car following, lane
   * links through intersections, yielding at conflict points, a per-lane entry check.
   */
  CITYFLOW("cityflow", false, false),

  /**
   * The rules of CBEngine, the KDD Cup 2021 City Brain Challenge's engine, as it ran the final
   * round ({@code docs/cbengine-rules.md}): its released source's rules (point vehicles at least
   * 5 m apart, unsignalised junctions passed without conflicts, a signalised crossing blocked only
   * when every lane of the next road is occupied at its first metre, all red stopping right turns
   * too, vehicles created at once at the start of their first road, lane changing towards the lane
   * of the next signalised turn, 3 % random braking drawn from the run's seed) with two
   * differences the teams observed of the 2021 engine: a vehicle crossing an unsignalised junction
   * keeps its lane (team alphabeta's rule 7: towards a junction without a signal, "it has nothing
   * to do with which direction it will turn"), and each vehicle keeps to its leader the safety
   * distance of 5–10 m the engine draws for it at creation (or 2 s at its speed).
   */
  CBENGINE_2021("cbengine2021", true, true),

  /**
   * CBEngine's rules exactly as its released source has them, where they differ from what the
   * challenge's teams observed of the 2021 engine ({@code docs/cbengine-rules.md}).
   */
  CBENGINE_RELEASED("cbengine-released", false, false),
  ;

  private final String cliName;
  private final boolean keepLane;
  private final boolean randomSafety;

  EngineRules(String cliName, boolean keepLane, boolean randomSafety) {
    this.cliName = cliName;
    this.keepLane = keepLane;
    this.randomSafety = randomSafety;
  }

  /** True for the City Brain Challenge engine's rules (either variant). */
  public boolean isCBEngine() {
    return this != CITYFLOW;
  }

  /**
   * Under CBEngine's rules: a vehicle crossing an unsignalised junction keeps its lane index
   * rather than taking the lane of its next signalised turn.
   */
  boolean keepsLaneAtUnsignalisedJunctions() {
    return keepLane;
  }

  /**
   * Under CBEngine's rules: a vehicle keeps to its leader the safety distance drawn for it (5–10
   * m) or 2 s at its speed, whichever is more, rather than 5 m.
   */
  boolean keepsRandomSafetyDistance() {
    return randomSafety;
  }

  /** The name used on the command line and in results ({@code cityflow}, {@code cbengine2021}). */
  public String cliName() {
    return cliName;
  }

  /** Looks rules up by {@link #cliName()}, ignoring case. */
  public static Optional<EngineRules> byName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.cliName.equals(n)).findFirst();
  }
}
