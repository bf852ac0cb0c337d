package io.citybrain.traffic.metrics;

import io.citybrain.traffic.control.EmergencyPreemption;
import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one controller twice on a scenario with emergency vehicles, pre-emption off and on, and
 * reports what priority buys the emergency vehicles and costs everyone else: the study behind
 * {@code citybrain traffic emergency}.
 */
public final class EmergencyComparison {
  private EmergencyComparison() {}

  /**
   * One run's figures.
   *
   * @param summary the usual network figures
   * @param emergency the emergency vehicles' and the others' travel times
   */
  public record Arm(RunSummary summary, EmergencyReport emergency) {}

  /**
   * Both runs.
   *
   * @param without pre-emption off ({@value EmergencyPreemption#PRIORITY} = 0)
   * @param with pre-emption on ({@value EmergencyPreemption#PRIORITY} = 1)
   */
  public record Result(Arm without, Arm with) {
    /**
     * Relative change of the emergency vehicles' average travel time with priority, e.g. −0.4
     * for 40% shorter.
     */
    public double emergencyChange() {
      return with.emergency().emergencyAverageTravelTimeSeconds()
              / without.emergency().emergencyAverageTravelTimeSeconds()
          - 1;
    }

    /** Relative change of everyone else's average travel time with priority, e.g. 0.01 for 1% longer. */
    public double othersChange() {
      return with.emergency().othersAverageTravelTimeSeconds()
              / without.emergency().othersAverageTravelTimeSeconds()
          - 1;
    }
  }

  /**
   * Runs the comparison.
   *
   * @param scenario a scenario whose flows include emergency vehicles
   * @param controllerName a controller declaring {@link EmergencyPreemption#parameters()}
   * @param parameters its other parameters (the priority switch is set by this method)
   * @param config simulation settings
   * @param steps steps per run, &ge; 0
   * @param listener step progress of both runs, one after the other
   * @throws IllegalArgumentException when the controller offers no pre-emption, or for invalid
   *     parameters
   */
  public static Result run(
      Scenario scenario,
      String controllerName,
      Map<String, Double> parameters,
      SimulationConfig config,
      int steps,
      RunListener listener) {
    SignalControllerProvider provider = SignalControllers.require(controllerName);
    boolean offers =
        provider.parameters().stream().map(ParameterSpec::name).anyMatch(EmergencyPreemption.PRIORITY::equals);
    if (!offers) {
      throw new IllegalArgumentException(
          "controller '" + controllerName + "' offers no emergency pre-emption (no parameter "
              + EmergencyPreemption.PRIORITY + ")");
    }
    Arm without = arm(scenario, controllerName, parameters, 0, config, steps, listener);
    Arm with = arm(scenario, controllerName, parameters, 1, config, steps, listener);
    return new Result(without, with);
  }

  private static Arm arm(
      Scenario scenario,
      String controllerName,
      Map<String, Double> parameters,
      double priority,
      SimulationConfig config,
      int steps,
      RunListener listener) {
    Map<String, Double> p = new LinkedHashMap<>(parameters);
    p.put(EmergencyPreemption.PRIORITY, priority);
    EmergencyRecorder recorder = new EmergencyRecorder(scenario.demand().flows());
    RunResult r = TrafficRunner.run(scenario, controllerName, p, config, steps, listener, List.of(recorder));
    return new Arm(r.summary(), steps == 0 ? new EmergencyReport(0, 0, Double.NaN, Double.NaN, Double.NaN, List.of(), 0, Double.NaN) : recorder.report());
  }
}
