package io.citybrain.traffic.metrics;

import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.StepObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the travel times of emergency vehicles (vehicles of flows marked {@code "emergency":
 * true}) during a run and splits the average travel time into theirs and everyone else's, both
 * by CityFlow's definition (unfinished vehicles count with their time so far).
 *
 * <p>Register it on the simulation before the first step (see {@link TrafficRunner#run(
 * io.citybrain.traffic.sim.Scenario, String, java.util.Map, io.citybrain.traffic.sim.SimulationConfig,
 * int, RunListener, List)}), then call {@link #report()} after the last step. Creation
 * times of emergency vehicles not yet finished are derived from their flows ({@code startTime},
 * {@code interval}, {@code endTime}), as the simulator creates them.
 */
public final class EmergencyRecorder implements StepObserver {
  private final List<Flow> flows;
  private final boolean[] emergency;
  private final List<Double> finishedTravelTimes = new ArrayList<>();
  private double finishedSinceCreationSum;
  private double finishedCreationSum;
  private double finishedDelaySum;

  /** @param flows the run's flows, in file order (the simulator's flow indices) */
  public EmergencyRecorder(List<Flow> flows) {
    this.flows = List.copyOf(flows);
    emergency = new boolean[flows.size()];
    for (int f = 0; f < flows.size(); f++) {
      emergency[f] = flows.get(f).emergency();
    }
  }

  private Simulation last;

  @Override
  public void afterStep(Simulation simulation) {
    last = simulation;
  }

  @Override
  public void vehicleFinished(Simulation simulation, int vehicle, double travelTimeSeconds) {
    if (emergency[simulation.vehicleFlow(vehicle)]) {
      finishedTravelTimes.add(travelTimeSeconds);
      finishedSinceCreationSum += travelTimeSeconds;
      finishedCreationSum += simulation.vehicleEnterTime(vehicle);
      finishedDelaySum += travelTimeSeconds - simulation.vehicleFreeFlowTime(vehicle);
    }
  }

  /**
   * The figures at the last step observed (after the run: at its end).
   *
   * @return the figures
   * @throws IllegalStateException when no step has been observed
   */
  public EmergencyReport report() {
    if (last == null) {
      throw new IllegalStateException("no step observed yet");
    }
    return report(last);
  }

  /**
   * The figures now.
   *
   * @param sim the simulation this recorder observes
   * @return the figures
   */
  public EmergencyReport report(Simulation sim) {
    double now = sim.timeSeconds();
    double dt = sim.intervalSeconds();
    long created = 0;
    double creationSum = 0;
    for (int f = 0; f < flows.size(); f++) {
      if (!emergency[f]) {
        continue;
      }
      Flow flow = flows.get(f);
      double end = flow.endTimeSeconds() < 0 ? Double.POSITIVE_INFINITY : flow.endTimeSeconds();
      for (double t = flow.startTimeSeconds(); t <= end + 1e-9 && t < now - dt / 2; t += flow.intervalSeconds()) {
        // the simulator stamps a vehicle with the start time of the step that created it
        double stamp = Math.ceil(t / dt - 1e-9) * dt;
        created++;
        creationSum += stamp;
      }
    }
    int finished = finishedTravelTimes.size();
    long unfinished = Math.max(0, created - finished);
    double unfinishedTime = unfinished * now - (creationSum - finishedCreationSum);
    double emergencyTotal = finishedSinceCreationSum + Math.max(0, unfinishedTime);
    double allTotal = sim.averageTravelTimeSeconds() * sim.vehiclesSpawned();
    long others = sim.vehiclesSpawned() - created;
    return new EmergencyReport(
        created,
        finished,
        created == 0 ? Double.NaN : emergencyTotal / created,
        finished == 0 ? Double.NaN : finishedSinceCreationSum / finished,
        finished == 0 ? Double.NaN : finishedDelaySum / finished,
        finishedTravelTimes,
        others,
        others <= 0 ? Double.NaN : (allTotal - emergencyTotal) / others);
  }
}
