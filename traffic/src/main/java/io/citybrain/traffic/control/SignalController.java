package io.citybrain.traffic.control;

import java.util.List;

/**
 * A traffic-signal control algorithm. The engine calls {@link #decide} for an intersection when a
 * decision is due (at the start, when the held green expires), passing only what detectors
 * measure. Yellow, minimum green and the decision interval are enforced by the engine (see
 * {@link SignalTiming}). Implementations are created per run by a {@link
 * SignalControllerProvider} and may keep per-intersection state.
 */
public interface SignalController {

  /**
   * Prepares the controller for a run.
   *
   * @param intersections every signalised intersection it will control
   */
  default void init(List<IntersectionLayout> intersections) {}

  /**
   * Chooses the next phase of one intersection.
   *
   * @param intersection the intersection whose decision is due
   * @param observation detector view of the network now (state after the previous step)
   * @return the phase to show and for how long
   */
  PhaseDecision decide(IntersectionLayout intersection, Observation observation);
}
