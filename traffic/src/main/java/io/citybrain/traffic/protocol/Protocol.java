package io.citybrain.traffic.protocol;

import io.citybrain.traffic.control.SignalTiming;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named benchmark protocol: the settings under which a published table was measured, so that
 * citybrain's figures are taken under the same rules and compared like with like. A protocol is
 * data (a JSON file read by {@link Protocols}), never a code path: the runner, the signal timer
 * and the metrics read these fields.
 *
 * @param name unique name, e.g. {@code xlight15}
 * @param description one line: what the protocol is and whose table it reproduces
 * @param source where the rules come from (paper, code, reference note)
 * @param steps episode length, steps
 * @param intervalSeconds step length, s, in (0, 10]
 * @param seed the simulator's seed
 * @param laneChange whether lane changing is on ({@code laneChange} of a CityFlow config)
 * @param phases roadnet phase indices controllers may choose at every signalised intersection;
 *     empty: every green (non-transition) phase of the roadnet
 * @param initialPhase phase every signalised intersection shows before the first step, its first
 *     decision then being an ordinary one (a change shows the yellow first); -1: none, the
 *     controller's first choice is shown at once
 * @param timing the timing the engine enforces for every controller (decision interval, yellow,
 *     shortest green after a change); empty: each controller's own
 * @param controllerParameters per controller name, parameter values the protocol fixes (e.g. the
 *     FixedTime green of the published code); a user's {@code --param} still overrides them
 * @param metrics names of the protocol's reported metrics, first = headline ({@link
 *     #INTERSECTION_TRAVEL_TIME}, {@link #AVERAGE_TRAVEL_TIME})
 */
public record Protocol(
    String name,
    String description,
    String source,
    int steps,
    double intervalSeconds,
    long seed,
    boolean laneChange,
    List<Integer> phases,
    int initialPhase,
    Optional<SignalTiming> timing,
    Map<String, Map<String, Double>> controllerParameters,
    List<String> metrics) {

  /** CityFlow's {@code getAverageTravelTime()}, s (see {@code docs/metrics.md}). */
  public static final String AVERAGE_TRAVEL_TIME = "average-travel-time";

  /**
   * The per-intersection travel time of the reinforcement-learning papers (CoLight, MPLight,
   * Advanced-XLight), s: time on the incoming lanes of signalised intersections, summed per
   * vehicle and averaged over vehicles ({@link
   * io.citybrain.traffic.metrics.IntersectionTravelTimeRecorder}).
   */
  public static final String INTERSECTION_TRAVEL_TIME = "intersection-travel-time";

  /** Known metric names. */
  public static final List<String> METRICS = List.of(AVERAGE_TRAVEL_TIME, INTERSECTION_TRAVEL_TIME);

  public Protocol {
    phases = List.copyOf(phases);
    Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
    controllerParameters.forEach(
        (k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    controllerParameters = Collections.unmodifiableMap(copy);
    metrics = List.copyOf(metrics);
  }

  /** Parameters the protocol fixes for controller {@code controller} (empty when none). */
  public Map<String, Double> parametersFor(String controller) {
    return controllerParameters.getOrDefault(controller, Map.of());
  }

  /** True when the protocol reports the RL papers' per-intersection travel time. */
  public boolean reportsIntersectionTravelTime() {
    return metrics.contains(INTERSECTION_TRAVEL_TIME);
  }
}
