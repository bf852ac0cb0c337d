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

  /**
   * Whether intersection {@code intersection} needs a decision now, before its hold expires: a
   * pre-emption (an emergency vehicle approaches on a movement the current phase does not serve).
   * The engine asks every step while a green is held, and at the end of each yellow (where
   * {@code true} lets {@link #decide} choose the green again instead of the one chosen before the
   * yellow). An interrupted green still gets its yellow. Must be cheap: it runs for every
   * intersection every step. The default never interrupts, so a controller that does not
   * override it keeps the protocol's timing exactly.
   *
   * @param intersection the intersection
   * @param observation detector view of the network now
   * @return true to have {@link #decide} called now
   */
  default boolean interrupt(IntersectionLayout intersection, Observation observation) {
    return false;
  }
}
