package io.citybrain.traffic.sim;

/**
 * Receives events of a running {@link Simulation}: metrics collectors, replay writers, live
 * state streams. Called on the simulation's thread; must not modify the simulation.
 */
public interface StepObserver {

  /** Called after every step, when the state is consistent and {@code stepCount()} increased. */
  void afterStep(Simulation simulation);

  /**
   * Called when vehicle slot {@code vehicle} finishes its trip, during the step (its slot is
   * reused later).
   *
   * @param travelTimeSeconds its travel time from creation, s
   */
  default void vehicleFinished(Simulation simulation, int vehicle, double travelTimeSeconds) {}
}
