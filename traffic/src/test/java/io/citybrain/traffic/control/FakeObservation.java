package io.citybrain.traffic.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-set {@link Observation} for controller tests: vehicles (distance to the lane end, speed)
 * per lane, lane lengths, the signal state and approach notices.
 */
final class FakeObservation implements Observation {
  private final Map<Integer, List<double[]>> vehicles = new HashMap<>();
  private final Map<Integer, Double> lengths = new HashMap<>();
  private final List<EmergencyApproach> notices = new ArrayList<>();
  private double time = 100;
  private int phase = 1;
  private double elapsed = 20;

  /** Time, current phase and how long it has been shown. */
  FakeObservation at(double timeSeconds, int currentPhase, double elapsedSeconds) {
    time = timeSeconds;
    phase = currentPhase;
    elapsed = elapsedSeconds;
    return this;
  }

  /** Adds {@code count} vehicles standing in a queue at the stop line of {@code lane}, 7.5 m apart. */
  FakeObservation queue(int lane, int count) {
    for (int k = 0; k < count; k++) {
      vehicle(lane, 7.5 * k + 1, 0);
    }
    return this;
  }

  /** Adds one vehicle {@code distance} m before the end of {@code lane} at {@code speed} m/s. */
  FakeObservation vehicle(int lane, double distance, double speed) {
    List<double[]> l = vehicles.computeIfAbsent(lane, k -> new ArrayList<>());
    l.add(new double[] {distance, speed});
    l.sort((a, b) -> Double.compare(a[0], b[0]));
    return this;
  }

  /** Adds an emergency vehicle's approach notice. */
  FakeObservation notice(int lane, double distance, String nextRoad) {
    notices.add(new EmergencyApproach(lane, distance, 10, nextRoad));
    notices.sort((a, b) -> Double.compare(a.distanceToStopLineMeters(), b.distanceToStopLineMeters()));
    return this;
  }

  @Override
  public double timeSeconds() {
    return time;
  }

  @Override
  public int laneVehicleCount(int lane) {
    return vehicles.getOrDefault(lane, List.of()).size();
  }

  @Override
  public int laneWaitingCount(int lane) {
    return (int) vehicles.getOrDefault(lane, List.of()).stream().filter(v -> v[1] < 0.1).count();
  }

  @Override
  public double laneLengthMeters(int lane) {
    return lengths.getOrDefault(lane, 300.0);
  }

  /** Every lane's speed limit: 11.111 m/s (40 km/h), as on the research networks. */
  @Override
  public double laneSpeedLimitMetersPerSecond(int lane) {
    return 11.111;
  }

  @Override
  public int laneVehicleCountWithin(int lane, double rangeMeters) {
    return (int) vehicles.getOrDefault(lane, List.of()).stream().filter(v -> v[0] <= rangeMeters).count();
  }

  @Override
  public int laneVehicles(int lane, double[] distanceToEndMeters, double[] speedsMetersPerSecond) {
    List<double[]> l = vehicles.getOrDefault(lane, List.of());
    int n = Math.min(l.size(), Math.min(distanceToEndMeters.length, speedsMetersPerSecond.length));
    for (int k = 0; k < n; k++) {
      distanceToEndMeters[k] = l.get(k)[0];
      speedsMetersPerSecond[k] = l.get(k)[1];
    }
    return n;
  }

  @Override
  public int currentPhase(int intersection) {
    return phase;
  }

  @Override
  public double phaseElapsedSeconds(int intersection) {
    return elapsed;
  }

  @Override
  public List<EmergencyApproach> emergencyApproaches(int intersection) {
    return List.copyOf(notices);
  }
}
