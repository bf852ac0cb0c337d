package io.citybrain.bench.traffic;

import io.citybrain.traffic.api.CityFlowEngine;
import io.citybrain.commons.input.InputValidationException;

/**
 * Speed of the CityFlow-compatible Java API ({@link CityFlowEngine}), the side the Python
 * package calls: steps per second with the observations reinforcement-learning code reads every
 * step, and episodes per second for the reset-and-rerun loop of training. The same modes as
 * {@code python/examples/speed.py}, so the two can be set side by side:
 *
 * <ul>
 *   <li>bare: {@code nextStep} only;
 *   <li>counts: + lane vehicle and waiting counts every step;
 *   <li>full: + lane vehicle lists, vehicle speeds and distances every step;
 *   <li>episodes: reset, then a whole episode of {@code nextStep}.
 * </ul>
 */
public final class EngineApiBenchmark {
  private EngineApiBenchmark() {}

  /** One measured mode. */
  public record Result(String mode, int steps, int episodes, double wallSeconds) {
    /** Steps per wall second. */
    public double stepsPerSecond() {
      return steps * (double) episodes / wallSeconds;
    }

    /** Episodes per wall second. */
    public double episodesPerSecond() {
      return episodes / wallSeconds;
    }
  }

  /**
   * Measures every mode on one config.
   *
   * @param config a CityFlow config.json
   * @param steps steps per episode
   * @param episodes episodes of the reset-and-rerun mode
   * @throws InputValidationException for an invalid config or input files
   */
  public static java.util.List<Result> run(String config, int steps, int episodes) throws InputValidationException {
    java.util.List<Result> out = new java.util.ArrayList<>();
    try (CityFlowEngine e = new CityFlowEngine(config, 1)) {
      timed(e, 600, 0); // warm-up of the JIT
      long sink = 0;
      for (int mode = 0; mode < 3; mode++) {
        long t0 = System.nanoTime();
        sink += timed(e, steps, mode);
        out.add(new Result(new String[] {"bare", "counts", "full"}[mode], steps, 1, (System.nanoTime() - t0) / 1e9));
      }
      long t0 = System.nanoTime();
      for (int k = 0; k < episodes; k++) {
        sink += timed(e, steps, 0);
      }
      out.add(new Result("episodes", steps, episodes, (System.nanoTime() - t0) / 1e9));
      if (sink == 42) {
        System.out.print(""); // keeps the observations from being optimised away
      }
    }
    return out;
  }

  private static long timed(CityFlowEngine e, int steps, int mode) {
    e.reset();
    long sink = 0;
    for (int k = 0; k < steps; k++) {
      e.nextStep();
      if (mode >= 1) {
        sink += e.laneVehicleCounts().length + e.laneWaitingVehicleCounts().length;
      }
      if (mode >= 2) {
        sink += e.laneVehiclesPacked().length() + e.vehicleSpeeds().length + e.vehicleDistances().length
            + e.vehicleIdsPacked().length();
      }
    }
    return sink;
  }
}
