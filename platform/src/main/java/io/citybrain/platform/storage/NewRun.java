package io.citybrain.platform.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A validated job about to be queued: a traffic run, or a grid dispatch (see {@link JobKind}).
 *
 * @param scenarioId scenario id (bundled such as {@code jinan}, or uploaded); for a grid dispatch
 *     the bundled MATPOWER case, e.g. {@code case118}
 * @param scenarioName the scenario's (case's) display name
 * @param controller the algorithm's name: the signal controller, or the grid dispatcher
 * @param controllerVersion the algorithm's version
 * @param parameters every algorithm parameter with its value (defaults filled in)
 * @param seed random seed
 * @param steps steps to simulate, &ge; 1
 * @param intervalSeconds step length, s
 * @param replay whether a replay log is recorded
 * @param paceStepsPerSecond at most this many steps per wall second (0: as fast as possible)
 * @param createdBy the actor who asked for it
 * @param kind what the job does
 * @param algorithmDigest the algorithm's artifact digest with {@code parameters} (SHA-256 hex; see
 *     {@link io.citybrain.commons.algorithm.ArtifactDigest}); null for jobs stored before it was
 *     recorded
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
    String createdBy,
    JobKind kind,
    String algorithmDigest) {

  public NewRun {
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(kind, "kind");
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
