package io.citybrain.traffic.sim;

/**
 * Settings of one simulation run.
 *
 * @param intervalSeconds length of one step, s; in (0, 10]; CityFlow's benchmark uses 1
 * @param seed seed of the run's random numbers (lane choice among equals, tie-breaking
 *     priorities); the same seed and inputs give bit-identical results
 * @param threads worker threads for stepping, &ge; 1; results do not depend on it
 * @param cityFlowCompatible true to reproduce CityFlow exactly, including its one known flaw:
 *     vehicles merging into a lane from different lane links can overlap. False (the default)
 *     adds merge-aware car following so that no vehicle ever overlaps another; see {@code
 *     docs/traffic-model.md}
 * @param engineRules how vehicles move: CityFlow's rules (the default) or the City Brain
 *     Challenge engine's ({@link EngineRules}); CBEngine's rules need 1 s steps
 */
public record SimulationConfig(
    double intervalSeconds, long seed, int threads, boolean cityFlowCompatible, EngineRules engineRules) {

  public SimulationConfig {
    if (engineRules == null) {
      throw new IllegalArgumentException("engineRules must be given");
    }
    if (engineRules.isCBEngine() && intervalSeconds != 1) {
      throw new IllegalArgumentException(
          "the cbengine2021 rules step 1 s at a time, as the challenge's engine; got intervalSeconds " + intervalSeconds);
    }
    if (!(intervalSeconds > 0 && intervalSeconds <= 10)) {
      throw new IllegalArgumentException(
          "intervalSeconds must be in (0, 10] s, got " + intervalSeconds);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** Settings under CityFlow's rules. */
  public SimulationConfig(double intervalSeconds, long seed, int threads, boolean cityFlowCompatible) {
    this(intervalSeconds, seed, threads, cityFlowCompatible, EngineRules.CITYFLOW);
  }

  /** The benchmark settings: 1 s steps, seed 0, one thread, overlap-free merging. */
  public static SimulationConfig defaults() {
    return new SimulationConfig(1.0, 0, 1, false);
  }

  /** A copy with another seed. */
  public SimulationConfig withSeed(long newSeed) {
    return new SimulationConfig(intervalSeconds, newSeed, threads, cityFlowCompatible, engineRules);
  }

  /** A copy with another thread count. */
  public SimulationConfig withThreads(int newThreads) {
    return new SimulationConfig(intervalSeconds, seed, newThreads, cityFlowCompatible, engineRules);
  }

  /** A copy in or out of CityFlow-compatible mode. */
  public SimulationConfig withCityFlowCompatible(boolean compatible) {
    return new SimulationConfig(intervalSeconds, seed, threads, compatible, engineRules);
  }

  /** A copy under other engine rules. */
  public SimulationConfig withEngineRules(EngineRules rules) {
    return new SimulationConfig(intervalSeconds, seed, threads, cityFlowCompatible, rules);
  }
}
