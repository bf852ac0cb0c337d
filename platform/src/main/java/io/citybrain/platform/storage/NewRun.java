package io.citybrain.platform.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A validated run about to be queued.
 *
 * @param scenarioId scenario id (bundled such as {@code jinan}, or uploaded)
 * @param scenarioName the scenario's display name
 * @param controller controller name
 * @param controllerVersion controller implementation version
 * @param parameters every controller parameter with its value (defaults filled in)
 * @param seed random seed
 * @param steps steps to simulate, &ge; 1
 * @param intervalSeconds step length, s
 * @param replay whether a replay log is recorded
 * @param paceStepsPerSecond at most this many steps per wall second (0: as fast as possible)
 * @param createdBy the actor who asked for it
 */
public record NewRun(
    String scenarioId,
    String scenarioName,
    String controller,
    String controllerVersion,
    Map<String, Double> parameters,
    long seed,
    int steps,
    double intervalSeconds,
    boolean replay,
    double paceStepsPerSecond,
    String createdBy) {

  public NewRun {
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(controller, "controller");
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
