package io.citybrain.traffic.sim;

/**
 * Settings of one simulation run.
 *
 * @param intervalSeconds length of one step, s; in (0, 10]; CityFlow's benchmark uses 1
 * @param seed seed of the run's random numbers (lane choice among equals, tie-breaking
 *     priorities); the same seed and inputs give bit-identical results
 * @param threads worker threads for stepping, &ge; 1; results do not depend on it
 * @param cityFlowCompatible true to follow CityFlow's rules exactly, including its flaws
 *     (vehicles merging into a lane from different lane links can overlap; with lane changing,
 *     CityFlow's gap and cool-down rules). False (the default) adds merge-aware car following so
 *     that no vehicle ever overlaps another and mends CityFlow's lane-changing quirks; see {@code
 *     docs/traffic-model.md}
 * @param laneChange true to let vehicles change lanes as CityFlow does with {@code laneChange:
 *     true} (a CityFlow config's flag); off by default, as in CityFlow's benchmark settings
 */
public record SimulationConfig(
    double intervalSeconds, long seed, int threads, boolean cityFlowCompatible, boolean laneChange) {

  public SimulationConfig {
    if (!(intervalSeconds > 0 && intervalSeconds <= 10)) {
      throw new IllegalArgumentException(
          "intervalSeconds must be in (0, 10] s, got " + intervalSeconds);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** Settings with lane changing off. */
  public SimulationConfig(double intervalSeconds, long seed, int threads, boolean cityFlowCompatible) {
    this(intervalSeconds, seed, threads, cityFlowCompatible, false);
  }

  /** The benchmark settings: 1 s steps, seed 0, one thread, overlap-free merging, no lane changing. */
  public static SimulationConfig defaults() {
    return new SimulationConfig(1.0, 0, 1, false, false);
  }

  /** A copy with another seed. */
  public SimulationConfig withSeed(long newSeed) {
    return new SimulationConfig(intervalSeconds, newSeed, threads, cityFlowCompatible, laneChange);
  }

  /** A copy with another thread count. */
  public SimulationConfig withThreads(int newThreads) {
    return new SimulationConfig(intervalSeconds, seed, newThreads, cityFlowCompatible, laneChange);
  }

  /** A copy in or out of CityFlow-compatible mode. */
  public SimulationConfig withCityFlowCompatible(boolean compatible) {
    return new SimulationConfig(intervalSeconds, seed, threads, compatible, laneChange);
  }

  /** A copy with lane changing on or off. */
  public SimulationConfig withLaneChange(boolean on) {
    return new SimulationConfig(intervalSeconds, seed, threads, cityFlowCompatible, on);
  }
}
