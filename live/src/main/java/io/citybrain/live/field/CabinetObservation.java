package io.citybrain.live.field;

import io.citybrain.traffic.control.Observation;
import io.citybrain.traffic.sim.Simulation;

/**
 * The detector view a field controller's local plan sees (fixed-time plans read only the clock and
 * the phase shown); package-private, like the simulator's own, so that a controller reaches
 * nothing else.
 */
final class CabinetObservation implements Observation {
  private final Simulation sim;
  private final SignalCabinets cabinets;

  CabinetObservation(Simulation sim, SignalCabinets cabinets) {
    this.sim = sim;
    this.cabinets = cabinets;
  }

  @Override
  public double timeSeconds() {
    return sim.timeSeconds();
  }

  @Override
  public int laneVehicleCount(int lane) {
    return sim.vehicleCount(lane);
  }

  @Override
  public int laneWaitingCount(int lane) {
    return sim.waitingVehicleCount(lane);
  }

  @Override
  public double laneLengthMeters(int lane) {
    return sim.network().lengthMeters(lane);
  }

  @Override
  public double laneSpeedLimitMetersPerSecond(int lane) {
    return cabinets.lanes().speedLimitMetersPerSecond(lane);
  }

  @Override
  public int laneVehicleCountWithin(int lane, double rangeMeters) {
    int n = sim.vehicleCount(lane);
    double len = sim.network().lengthMeters(lane);
    int c = 0;
    for (int k = 0; k < n && len - sim.vehiclePosition(sim.vehicleAt(lane, k)) <= rangeMeters; k++) {
      c++;
    }
    return c;
  }

  @Override
  public int laneVehicles(int lane, double[] distanceToEndMeters, double[] speedsMetersPerSecond) {
    int n = Math.min(sim.vehicleCount(lane), Math.min(distanceToEndMeters.length, speedsMetersPerSecond.length));
    double len = sim.network().lengthMeters(lane);
    for (int k = 0; k < n; k++) {
      int v = sim.vehicleAt(lane, k);
      distanceToEndMeters[k] = len - sim.vehiclePosition(v);
      speedsMetersPerSecond[k] = sim.vehicleSpeed(v);
    }
    return n;
  }

  @Override
  public int currentPhase(int intersection) {
    return sim.phase(intersection);
  }

  @Override
  public double phaseElapsedSeconds(int intersection) {
    return cabinets.phaseElapsedSeconds(intersection);
  }
}
