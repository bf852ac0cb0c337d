package io.citybrain.traffic.metrics;

import io.citybrain.traffic.sim.Simulation;

/** Counts of stopped vehicles on lanes (CityFlow's lane waiting count, speed &lt; 0.1 m/s). */
final class QueueCounter {
  private QueueCounter() {}

  /** Vehicles slower than 0.1 m/s on all lanes. */
  static int networkQueue(Simulation sim) {
    int q = 0;
    for (int lane = 0; lane < sim.network().laneCount(); lane++) {
      q += sim.waitingVehicleCount(lane);
    }
    return q;
  }
}
