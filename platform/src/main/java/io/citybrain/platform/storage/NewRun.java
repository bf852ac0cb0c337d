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
 * @param jurisdictionId the jurisdiction the job belongs to: a traffic run the scenario's, a grid
 *     dispatch the one it was asked for (governance: who may read and cancel it)
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
    String algorithmDigest,
    String jurisdictionId) {

  public NewRun {
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(jurisdictionId, "jurisdictionId");
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** A job of the nation ({@value io.citybrain.platform.access.Jurisdictions#ROOT}). */
  public NewRun(
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
    this(scenarioId, scenarioName, controller, controllerVersion, parameters, seed, steps, intervalSeconds, replay,
        paceStepsPerSecond, createdBy, kind, algorithmDigest, io.citybrain.platform.access.Jurisdictions.ROOT);
  }

  /** A copy belonging to {@code jurisdiction}. */
  public NewRun withJurisdiction(String jurisdiction) {
    return new NewRun(scenarioId, scenarioName, controller, controllerVersion, parameters, seed, steps, intervalSeconds,
        replay, paceStepsPerSecond, createdBy, kind, algorithmDigest, jurisdiction);
  }
}
