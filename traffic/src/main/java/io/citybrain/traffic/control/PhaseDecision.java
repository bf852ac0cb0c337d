package io.citybrain.traffic.control;

/**
 * A controller's choice at a decision point.
 *
 * @param phase the phase to show next (a green phase; the engine inserts the yellow)
 * @param holdSeconds how long to hold it before the next decision, s; {@code NaN} for the
 *     engine's default (the minimum green when switching, the decision interval when keeping).
 *     The engine never holds a new green for less than the minimum green.
 */
public record PhaseDecision(int phase, double holdSeconds) {

  /** A decision with the engine's default hold. */
  public static PhaseDecision of(int phase) {
    return new PhaseDecision(phase, Double.NaN);
  }
}
