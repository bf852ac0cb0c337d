package io.citybrain.traffic.metrics;

import io.citybrain.traffic.sim.Simulation;

/** Follows a run step by step (progress bars, live streams) and may cancel it. */
public interface RunListener {
  /** A listener that does nothing. */
  RunListener NONE = new RunListener() {};

  /**
   * Called after each step, on the run's thread; must not modify the simulation.
   *
   * @param sim the simulation after the step
   * @param step steps done so far (1..total)
   * @param totalSteps steps requested
   */
  default void afterStep(Simulation sim, int step, int totalSteps) {}

  /** Checked before each step; true stops the run early (its result is marked incomplete). */
  default boolean cancelled() {
    return false;
  }
}
