package io.citybrain.traffic.control;

import java.util.HashMap;
import java.util.Map;

/** A hand-set detector view for controller unit tests. */
final class FakeObservation implements Observation {
  final Map<Integer, Integer> counts = new HashMap<>();
  final Map<Integer, Integer> waiting = new HashMap<>();
  final java.util.Set<Integer> moving = new java.util.HashSet<>();
  int phase;
  double time = 100;

  FakeObservation count(int lane, int vehicles) {
    counts.put(lane, vehicles);
    return this;
  }

  @Override
  public double timeSeconds() {
    return time;
  }

  @Override
  public int laneVehicleCount(int lane) {
    return counts.getOrDefault(lane, 0);
  }

  @Override
  public int laneWaitingCount(int lane) {
    return waiting.getOrDefault(lane, 0);
  }

  @Override
  public double laneLengthMeters(int lane) {
    return 300;
  }

  @Override
  public int laneVehicleCountWithin(int lane, double rangeMeters) {
    return laneVehicleCount(lane);
  }

  @Override
  public int laneVehicles(int lane, double[] distanceToEndMeters, double[] speedsMetersPerSecond) {
    int n = Math.min(laneVehicleCount(lane), distanceToEndMeters.length);
    for (int k = 0; k < n; k++) {
      distanceToEndMeters[k] = 7.5 * k;
      speedsMetersPerSecond[k] = moving.contains(lane) ? 5 : 0;
    }
    return n;
  }

  @Override
  public int currentPhase(int intersection) {
    return phase;
  }

  @Override
  public double phaseElapsedSeconds(int intersection) {
    return 15;
  }
}
