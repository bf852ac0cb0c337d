package io.citybrain.traffic.sim;

/**
 * Settings of one simulation run.
 *
 * @param intervalSeconds length of one step, s; in (0, 10]; CityFlow's benchmark uses 1
 * @param seed seed of the run's random numbers (lane choice among equals, tie-breaking
 *     priorities); the same seed and inputs give bit-identical results
 * @param threads worker threads for stepping, &ge; 1; results do not depend on it
 */
public record SimulationConfig(double intervalSeconds, long seed, int threads) {

  public SimulationConfig {
    if (!(intervalSeconds > 0 && intervalSeconds <= 10)) {
      throw new IllegalArgumentException(
          "intervalSeconds must be in (0, 10] s, got " + intervalSeconds);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** The benchmark settings: 1 s steps, seed 0, one thread. */
  public static SimulationConfig defaults() {
    return new SimulationConfig(1.0, 0, 1);
  }

  /** A copy with another seed. */
  public SimulationConfig withSeed(long newSeed) {
    return new SimulationConfig(intervalSeconds, newSeed, threads);
  }

  /** A copy with another thread count. */
  public SimulationConfig withThreads(int newThreads) {
    return new SimulationConfig(intervalSeconds, seed, newThreads);
  }
}
