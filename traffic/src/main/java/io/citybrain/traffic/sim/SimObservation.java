package io.citybrain.traffic.sim;

import io.citybrain.traffic.control.Observation;

/**
 * The detector view of a {@link Simulation} handed to controllers: counts, positions and speeds
 * only. Package-private so that controllers cannot reach the simulation through it.
 */
final class SimObservation implements Observation {
  private final Simulation sim;
  private final SignalTimer timer;

  SimObservation(Simulation sim, SignalTimer timer) {
    this.sim = sim;
    this.timer = timer;
  }

  @Override
  public double timeSeconds() {
    return sim.timeSeconds();
  }

  @Override
  public int laneVehicleCount(int lane) {
    checkLane(lane);
    return sim.vehicleCount(lane);
  }

  @Override
  public int laneWaitingCount(int lane) {
    checkLane(lane);
    return sim.waitingVehicleCount(lane);
  }

  @Override
  public double laneLengthMeters(int lane) {
    checkLane(lane);
    return sim.net.length[lane];
  }

  @Override
  public int laneVehicleCountWithin(int lane, double rangeMeters) {
    checkLane(lane);
    int n = sim.vehicleCount(lane);
    double len = sim.net.length[lane];
    int c = 0;
    for (int k = 0; k < n; k++) {
      if (len - sim.vehiclePosition(sim.vehicleAt(lane, k)) <= rangeMeters) {
        c++;
      } else {
        break;
      }
    }
    return c;
  }

  @Override
  public int laneVehicles(int lane, double[] distanceToEndMeters, double[] speedsMetersPerSecond) {
    checkLane(lane);
    int n = Math.min(sim.vehicleCount(lane), Math.min(distanceToEndMeters.length, speedsMetersPerSecond.length));
    double len = sim.net.length[lane];
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
    return timer.phaseElapsedSeconds(intersection);
  }

  private void checkLane(int lane) {
    if (lane < 0 || lane >= sim.net.laneCount) {
      throw new IndexOutOfBoundsException("no lane " + lane + "; lanes are 0.." + (sim.net.laneCount - 1));
    }
  }
}
