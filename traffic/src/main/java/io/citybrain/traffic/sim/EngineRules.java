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
  CITYFLOW("cityflow"),

  /**
   * The rules of CBEngine, the KDD Cup 2021 City Brain Challenge's engine, written out from its
   * released source ({@code docs/cbengine-rules.md}): point vehicles at least 5 m apart,
   * unsignalised junctions passed without conflicts, a signalised crossing blocked only when every
   * lane of the next road is occupied at its first metre, all red stopping right turns too,
   * vehicles created at once at the start of their first road, lane changing towards the lane of
   * the next signalised turn, and 3 % random braking drawn from the run's seed.
   */
  CBENGINE_2021("cbengine2021");

  private final String cliName;

  EngineRules(String cliName) {
    this.cliName = cliName;
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
