package io.citybrain.platform.runs;

import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.scenarios.ScenarioCatalog;
import io.citybrain.platform.scenarios.ScenarioInfo;
import io.citybrain.platform.storage.JobKind;
import io.citybrain.platform.storage.NewRun;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a {@link RunRequest} completely (every field, all errors together) and turns it into a
 * {@link NewRun} with the controller's version and every parameter value filled in.
 */
public final class RunValidator {
  /** Largest number of steps of one run: a day at 1 s steps. */
  public static final int MAX_STEPS = 86_400;

  /** Largest pace, steps per wall second. */
  public static final double MAX_PACE = 10_000;

  /**
   * Smallest pace other than 0, steps per wall second. A pace of 1e-300 made the worker sleep for
   * centuries after its first step, where no cancel could reach it.
   */
  public static final double MIN_PACE = 0.1;

  /** Step length of platform runs, s. */
  static final double STEP_SECONDS = 1.0;

  /** Default number of steps: one simulated hour. */
  public static final int DEFAULT_STEPS = 3600;

  private final ScenarioCatalog scenarios;
  private final long maxVehiclesPerRun;

  /**
   * A validator resolving scenarios in {@code scenarios}.
   *
   * @param maxVehiclesPerRun largest number of vehicles a run's flow may create within its steps
   *     ({@link io.citybrain.traffic.demand.Demand#vehiclesCreatedAtMost}), &ge; 1
   */
  public RunValidator(ScenarioCatalog scenarios, long maxVehiclesPerRun) {
    if (maxVehiclesPerRun < 1) {
      throw new IllegalArgumentException("maxVehiclesPerRun must be >= 1, got " + maxVehiclesPerRun);
    }
    this.scenarios = scenarios;
    this.maxVehiclesPerRun = maxVehiclesPerRun;
  }

  /**
   * Validates {@code request}.
   *
   * @param actor who asks (stored as the run's creator)
   * @throws InvalidRequestException naming every invalid field: {@code scenario} (missing or
   *     unknown), {@code controller} (missing or unknown, with the known names), {@code
   *     parameters.<name>} (unknown or out of range, with the range), {@code steps} (also when the
   *     scenario's flow would create more vehicles within them than this server's limit), {@code
   *     paceStepsPerSecond}
   */
  public NewRun validate(RunRequest request, String actor) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<ScenarioInfo> scenario = Optional.empty();
    if (request.scenario() == null || request.scenario().isBlank()) {
      errors.put("scenario", "is required: a scenario id from GET /api/scenarios");
    } else {
      scenario = scenarios.find(request.scenario());
      if (scenario.isEmpty()) {
        errors.put("scenario", "unknown scenario '" + request.scenario() + "'; see GET /api/scenarios for the ids");
      }
    }
    SignalControllerProvider provider = null;
    if (request.controller() == null || request.controller().isBlank()) {
      errors.put("controller", "is required; known: " + String.join(", ", SignalControllers.names()));
    } else {
      provider = SignalControllers.find(request.controller()).orElse(null);
      if (provider == null) {
        errors.put(
            "controller",
            "unknown controller '" + request.controller() + "'; known: " + String.join(", ", SignalControllers.names()));
      }
    }
    Map<String, Double> parameters = Map.of();
    String digest = null;
    if (provider != null) {
      for (Map.Entry<String, Double> e : request.parameters().entrySet()) {
        try {
          provider.resolve(Map.of(e.getKey(), valueOrNaN(e.getValue())));
        } catch (IllegalArgumentException ex) {
          errors.put("parameters." + e.getKey(), ex.getMessage());
        }
      }
      if (errors.keySet().stream().noneMatch(k -> k.startsWith("parameters."))) {
        ParameterValues values = provider.resolve(request.parameters());
        parameters = values.asMap();
        digest = provider.artifact(values).digest();
      }
    }
    int steps = request.steps() == null ? DEFAULT_STEPS : request.steps();
    if (steps < 1 || steps > MAX_STEPS) {
      errors.put("steps", "is " + steps + "; expected an integer in [1, " + MAX_STEPS + "]");
    }
    double pace = request.paceStepsPerSecond() == null ? 0 : request.paceStepsPerSecond();
    if (!(pace == 0 || (pace >= MIN_PACE && pace <= MAX_PACE))) {
      errors.put(
          "paceStepsPerSecond",
          "is " + pace + "; expected 0 (as fast as possible) or a number in [" + MIN_PACE + ", " + (long) MAX_PACE + "]");
    }
    if (errors.isEmpty()) {
      long vehicles = scenarios.load(scenario.get().id()).demand().vehiclesCreatedAtMost(steps, STEP_SECONDS);
      if (vehicles > maxVehiclesPerRun) {
        errors.put(
            "steps",
            "is " + steps + ": scenario '" + scenario.get().id() + "' would create up to " + vehicles
                + " vehicles within them; this server runs at most " + maxVehiclesPerRun
                + " vehicles per run (serve --max-vehicles-per-run); expected fewer steps or a smaller flow");
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new NewRun(
        scenario.get().id(),
        scenario.get().name(),
        provider.name(),
        provider.version(),
        parameters,
        request.seed() == null ? 0 : request.seed(),
        steps,
        STEP_SECONDS,
        request.replay() != null && request.replay(),
        pace,
        actor,
        JobKind.TRAFFIC_RUN,
        digest,
        scenario.get().jurisdictionId());
  }

  private static Double valueOrNaN(Double v) {
    return v == null ? Double.NaN : v;
  }
}
