package io.citybrain.platform.runs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request to start a run, as received (not yet validated; see {@link RunValidator}).
 *
 * @param scenario scenario id (required)
 * @param controller controller name (required)
 * @param parameters controller parameters by name; missing ones take their defaults
 * @param seed random seed (default 0)
 * @param steps steps to simulate, 1–{@value RunValidator#MAX_STEPS} (default 3600: one hour at 1 s)
 * @param replay record a replay log (default false)
 * @param paceStepsPerSecond at most this many steps per wall-clock second so people can watch,
 *     0–{@value RunValidator#MAX_PACE} (default 0: as fast as possible)
 */
public record RunRequest(
    String scenario,
    String controller,
    Map<String, Double> parameters,
    Long seed,
    Integer steps,
    Boolean replay,
    Double paceStepsPerSecond) {

  public RunRequest {
    parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** A request with defaults for everything but scenario and controller. */
  public static RunRequest of(String scenario, String controller) {
    return new RunRequest(scenario, controller, Map.of(), null, null, null, null);
  }

  /** A copy with {@code n} steps. */
  public RunRequest withSteps(int n) {
    return new RunRequest(scenario, controller, parameters, seed, n, replay, paceStepsPerSecond);
  }

  /** A copy with a pace. */
  public RunRequest withPace(double stepsPerSecond) {
    return new RunRequest(scenario, controller, parameters, seed, steps, replay, stepsPerSecond);
  }

  /** A copy recording (or not) a replay. */
  public RunRequest withReplay(boolean on) {
    return new RunRequest(scenario, controller, parameters, seed, steps, on, paceStepsPerSecond);
  }
}
