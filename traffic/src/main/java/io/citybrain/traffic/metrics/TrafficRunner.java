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
import io.citybrain.traffic.control.IntersectionLayout;
import io.citybrain.traffic.control.SignalTiming;
import io.citybrain.traffic.protocol.Protocol;
import io.citybrain.traffic.sim.IntersectionLayouts;
import java.util.LinkedHashMap;
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
    return run(scenario, controllerName, parameters, config, steps, listener, observers, null);
  }

  /**
   * Runs a controller under a benchmark protocol: the protocol's phases, initial phase, timing,
   * controller parameters (overridden by {@code parameters}) and metrics apply. The caller builds
   * {@code config} and {@code steps} from the protocol ({@link #configFor}).
   *
   * @param protocol the protocol, or {@code null} for none (each controller's own timing, every
   *     green phase, CityFlow's metrics)
   * @throws IllegalArgumentException also when an intersection lacks a phase the protocol uses
   * @see #run(Scenario, String, Map, SimulationConfig, int, RunListener)
   */
  public static RunResult run(
      Scenario scenario,
      String controllerName,
      Map<String, Double> parameters,
      SimulationConfig config,
      int steps,
      RunListener listener,
      List<StepObserver> observers,
      Protocol protocol) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    SignalControllerProvider provider = SignalControllers.require(controllerName);
    Map<String, Double> given = new LinkedHashMap<>();
    if (protocol != null) {
      // the protocol's fixed values, for the parameters this controller declares
      protocol.parametersFor(controllerName).forEach(given::put);
    }
    given.putAll(parameters);
    ParameterValues params =
        provider.resolve(given);
    List<IntersectionLayout> layouts =
        IntersectionLayouts.of(scenario.compiled(), protocol == null ? List.of() : protocol.phases());
    try (Simulation sim = scenario.newSimulation(config)) {
      return run(scenario, provider, params, sim, steps, listener, observers, protocol, layouts);
    }
  }

  /**
   * The simulation settings of a protocol.
   *
   * @param threads worker threads
   * @param cityFlowCompatible CityFlow-compatible mode
   */
  public static SimulationConfig configFor(Protocol protocol, int threads, boolean cityFlowCompatible) {
    return new SimulationConfig(
        protocol.intervalSeconds(), protocol.seed(), threads, cityFlowCompatible, protocol.laneChange());
  }

  private static RunResult run(
      Scenario scenario,
      SignalControllerProvider provider,
      ParameterValues params,
      Simulation sim,
      int steps,
      RunListener listener,
      List<StepObserver> observers,
      Protocol protocol,
      List<IntersectionLayout> layouts) {
    SimulationConfig config = sim.config();
    SignalTiming timing =
        protocol != null && protocol.timing().isPresent() ? protocol.timing().get() : provider.timing(params);
    SignalTimer timer =
        new SignalTimer(
            sim,
            provider.create(params),
            timing,
            layouts,
            protocol == null ? -1 : protocol.initialPhase(),
            protocol != null && protocol.timing().isPresent());
    IntersectionTravelTimeRecorder perIntersectionTime =
        protocol != null && protocol.reportsIntersectionTravelTime()
            ? new IntersectionTravelTimeRecorder(scenario.compiled())
            : null;
    TimeSeriesRecorder series = new TimeSeriesRecorder(WINDOW_SECONDS);
    IntersectionRecorder perIntersection = new IntersectionRecorder(scenario.compiled());
    GridlockDetector gridlock = GridlockDetector.standard();
    sim.addObserver(series);
    sim.addObserver(perIntersection);
    sim.addObserver(gridlock);
    if (perIntersectionTime != null) {
      sim.addObserver(perIntersectionTime);
    }
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
            scenario.flowSha256(),
            protocol == null ? "" : protocol.name(),
            perIntersectionTime == null ? Double.NaN : perIntersectionTime.averageSeconds(sim.timeSeconds()),
            sim.laneChangesCompleted());
    return new RunResult(
        summary,
        series.points(),
        perIntersection.summaries(sim, timer.phaseChangesByIntersection()),
        completed,
        gridlock.gridlocks());
  }
}
