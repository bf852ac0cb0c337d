package io.citybrain.traffic.metrics;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.sim.GridlockDetector;
import io.citybrain.traffic.sim.MemoryFootprint;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SignalTimer;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import io.citybrain.traffic.sim.StepObserver;
import java.util.List;
import java.util.Map;

/**
 * Runs one controller on one scenario for a number of steps and collects the metrics: the main
 * job behind {@code citybrain traffic run}, the benchmark and the platform's runs.
 */
public final class TrafficRunner {
  /** Reporting window of the time series, s. */
  public static final double WINDOW_SECONDS = 60;

  private TrafficRunner() {}

  /**
   * Runs a controller found by name.
   *
   * @param scenario the compiled scenario
   * @param controllerName a name from {@link SignalControllers#names()}
   * @param parameters controller parameters by name (missing ones take their defaults)
   * @param config step length, seed, threads
   * @param steps number of steps, &ge; 0
   * @param listener progress and cancellation, or {@link RunListener#NONE}
   * @return the results
   * @throws IllegalArgumentException for an unknown controller, invalid parameters, or steps &lt; 0
   */
  public static RunResult run(
      Scenario scenario,
      String controllerName,
      Map<String, Double> parameters,
      SimulationConfig config,
      int steps,
      RunListener listener) {
    return run(scenario, controllerName, parameters, config, steps, listener, List.of());
  }

  /**
   * Runs a controller found by name with extra step observers (additional metrics such as
   * {@link EmergencyRecorder}).
   *
   * @param observers registered on the simulation after the standard recorders
   * @see #run(Scenario, String, Map, SimulationConfig, int, RunListener)
   */
  public static RunResult run(
      Scenario scenario,
      String controllerName,
      Map<String, Double> parameters,
      SimulationConfig config,
      int steps,
      RunListener listener,
      List<StepObserver> observers) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    SignalControllerProvider provider = SignalControllers.require(controllerName);
    ParameterValues params =
        provider.resolve(parameters);
    try (Simulation sim = scenario.newSimulation(config)) {
      return run(scenario, provider, params, sim, steps, listener, observers);
    }
  }

  private static RunResult run(
      Scenario scenario,
      SignalControllerProvider provider,
      ParameterValues params,
      Simulation sim,
      int steps,
      RunListener listener,
      List<StepObserver> observers) {
    SimulationConfig config = sim.config();
    SignalTimer timer = new SignalTimer(sim, provider.create(params), provider.timing(params));
    TimeSeriesRecorder series = new TimeSeriesRecorder(WINDOW_SECONDS);
    IntersectionRecorder perIntersection = new IntersectionRecorder(scenario.compiled());
    GridlockDetector gridlock = GridlockDetector.standard();
    sim.addObserver(series);
    sim.addObserver(perIntersection);
    sim.addObserver(gridlock);
    observers.forEach(sim::addObserver);

    boolean completed = true;
    long t0 = System.nanoTime();
    for (int k = 0; k < steps; k++) {
      if (listener.cancelled()) {
        completed = false;
        break;
      }
      timer.beforeStep();
      sim.step();
      listener.afterStep(sim, k + 1, steps);
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    if (sim.stepCount() % Math.round(WINDOW_SECONDS / sim.intervalSeconds()) != 0) {
      series.finish(sim);
    }
    long finished = sim.vehiclesFinished();
    MemoryFootprint memory = sim.memoryFootprint();
    double hours = sim.timeSeconds() / 3600.0;
    RunSummary summary =
        new RunSummary(
            scenario.name(),
            provider.name(),
            provider.version(),
            params.asMap(),
            provider.artifact(params).digest(),
            config.seed(),
            sim.stepCount(),
            sim.timeSeconds(),
            wall,
            sim.averageTravelTimeSeconds(),
            sim.averageTravelTimeFinishedSeconds(),
            sim.vehiclesSpawned(),
            sim.vehiclesEntered(),
            finished,
            sim.vehiclesInNetwork(),
            sim.vehiclesWaitingToEnter(),
            hours > 0 ? finished / hours : Double.NaN,
            sim.averageDelayFinishedSeconds(),
            sim.averageDelayIndexFinished(),
            series.lastQueueLengthVehicles(),
            series.meanQueueLengthVehicles(),
            sim.totalStops(),
            finished == 0 ? Double.NaN : (double) sim.finishedStops() / finished,
            sim.maxStoppedSeconds(),
            sim.vehicleSteps(),
            sim.peakVehiclesInNetwork(),
            config.threads(),
            memory.bytesPerVehicleSlot(),
            memory.bytesPerLane(),
            timer.phaseChanges(),
            timer.decisions(),
            timer.decisions() == 0 ? 0 : timer.decisionNanos() / 1e3 / timer.decisions(),
            scenario.roadnetSha256(),
            scenario.flowSha256());
    return new RunResult(
        summary,
        series.points(),
        perIntersection.summaries(sim, timer.phaseChangesByIntersection()),
        completed,
        gridlock.gridlocks());
  }
}
