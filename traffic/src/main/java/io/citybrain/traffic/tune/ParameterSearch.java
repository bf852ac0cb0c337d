package io.citybrain.traffic.tune;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.control.TuningRange;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.RunSummary;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Searches a controller's parameters on one scenario for the lowest average travel time
 * (CityFlow's definition, {@link RunSummary#averageTravelTimeSeconds()}); ties go to more
 * finished vehicles, then to the earlier evaluation.
 *
 * <p>The search is a seeded random search followed by a compass (pattern) search: first the
 * given or default parameters, then about 40% of the budget on points drawn uniformly from the
 * grid of the controller's {@link SignalControllerProvider#tuningRanges() tuning ranges}, then a
 * compass search: from the best point, each parameter in turn is moved up and down by its current
 * step (a quarter of its range to begin with) and the first move that improves is kept; after a
 * pass without improvement every step is halved, down to the range's grid step, where that search
 * has converged (Kolda, Lewis and Torczon, "Optimization by direct search", SIAM Review 45, 2003).
 * While budget is left the compass search restarts from the best point not yet used as a start.
 * Points already evaluated are not run again (they count once against the budget). The simulator is deterministic, so the same scenario,
 * settings and seed give the same result.
 */
public final class ParameterSearch {

  /**
   * How to search.
   *
   * @param evaluations simulations to run at most, &ge; 1 (the first runs the starting point)
   * @param seed seed of the random phase
   * @param config simulation settings of every evaluation (the protocol: 1 s, seed 0)
   * @param steps steps per evaluation, &ge; 1 (the protocol: 3600)
   */
  public record Settings(int evaluations, long seed, SimulationConfig config, int steps) {
    /** @throws IllegalArgumentException when evaluations or steps are below 1 */
    public Settings {
      if (evaluations < 1) {
        throw new IllegalArgumentException("evaluations must be >= 1, got " + evaluations);
      }
      if (steps < 1) {
        throw new IllegalArgumentException("steps must be >= 1, got " + steps);
      }
    }
  }

  /**
   * One simulation of the search.
   *
   * @param index 0-based order of evaluation
   * @param stage {@code start}, {@code random} or {@code refine}
   * @param parameters every declared parameter's value
   * @param summary its results
   */
  public record Evaluation(int index, String stage, Map<String, Double> parameters, RunSummary summary) {
    /** The value minimised: average travel time, s. */
    public double objective() {
      return summary.averageTravelTimeSeconds();
    }
  }

  /**
   * The search's outcome.
   *
   * @param controller controller name
   * @param scenario scenario name
   * @param start the first evaluation (given or default parameters)
   * @param best the best evaluation
   * @param history every evaluation, in order
   * @param completed false when cancelled
   */
  public record Result(
      String controller, String scenario, Evaluation start, Evaluation best, List<Evaluation> history, boolean completed) {
    /** Copies the history (the result is immutable). */
    public Result {
      history = List.copyOf(history);
    }
  }

  /** Follows a search: step progress of each evaluation, each result, cancellation. */
  public interface Listener {
    /** Does nothing. */
    Listener NONE = new Listener() {};

    /**
     * After each simulation step of evaluation {@code evaluation}.
     *
     * @param evaluation 0-based evaluation index
     * @param sim the simulation
     * @param step steps done in this evaluation (1..steps)
     * @param steps steps per evaluation
     */
    default void afterStep(int evaluation, Simulation sim, int step, int steps) {}

    /** After each evaluation, with the best so far (possibly the same). */
    default void evaluated(Evaluation evaluation, Evaluation best) {}

    /** Checked between steps; true stops the search (the best so far is returned). */
    default boolean cancelled() {
      return false;
    }
  }

  private final Scenario scenario;
  private final SignalControllerProvider provider;
  private final Map<String, Double> fixed;
  private final Settings settings;
  private final Listener listener;
  private final List<TuningRange> ranges = new ArrayList<>();
  private final Map<String, Evaluation> cache = new HashMap<>();
  private final List<Evaluation> history = new ArrayList<>();
  private Evaluation best;
  private boolean cancelled;

  private ParameterSearch(
      Scenario scenario, SignalControllerProvider provider, Map<String, Double> fixed, Settings settings, Listener listener) {
    this.scenario = scenario;
    this.provider = provider;
    this.fixed = fixed;
    this.settings = settings;
    this.listener = listener;
  }

  /**
   * Runs a search.
   *
   * @param scenario the scenario to tune on (one flow)
   * @param controllerName a registered controller
   * @param fixed parameters held at the given values (not searched); the rest start at their
   *     defaults
   * @param settings budget, seed, simulation settings
   * @param listener progress, or {@link Listener#NONE}
   * @return the best parameters found and the history
   * @throws IllegalArgumentException for an unknown controller, invalid fixed parameters, or a
   *     controller with nothing left to tune
   */
  public static Result run(
      Scenario scenario, String controllerName, Map<String, Double> fixed, Settings settings, Listener listener) {
    SignalControllerProvider provider = SignalControllers.require(controllerName);
    provider.resolve(fixed);
    ParameterSearch s = new ParameterSearch(scenario, provider, new LinkedHashMap<>(fixed), settings, listener);
    return s.search();
  }

  private Result search() {
    for (TuningRange r : provider.tuningRanges()) {
      if (!fixed.containsKey(r.name())) {
        ranges.add(r);
      }
    }
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException(
          "controller '" + provider.name() + "' has no tunable parameters"
              + (provider.tuningRanges().isEmpty() ? "" : " left (all are fixed)"));
    }
    Map<String, Double> start = new LinkedHashMap<>();
    for (ParameterSpec p : provider.parameters()) {
      start.put(p.name(), fixed.getOrDefault(p.name(), p.defaultValue()));
    }
    Evaluation first = evaluate(start, "start");
    SplittableRandom random = new SplittableRandom(settings.seed());
    int randomPoints = (int) Math.floor((settings.evaluations() - 1) * 0.4);
    for (int k = 0; k < randomPoints && budgetLeft(); k++) {
      Map<String, Double> p = new LinkedHashMap<>(start);
      for (TuningRange r : ranges) {
        int cells = (int) Math.floor((r.high() - r.low()) / r.step() + 1e-9);
        p.put(r.name(), r.snap(r.low() + random.nextInt(cells + 1) * r.step()));
      }
      evaluate(p, "random");
    }
    refineWithRestarts();
    return new Result(provider.name(), scenario.name(), first, best, history, !cancelled);
  }

  /**
   * Compass search from the best point, then, while budget is left, again from the best start or
   * random point not yet used as a starting point (a restart).
   */
  private void refineWithRestarts() {
    java.util.Set<String> used = new java.util.HashSet<>();
    while (budgetLeft()) {
      Evaluation from = null;
      for (Evaluation e : history) {
        if (!used.contains(key(e.parameters())) && (from == null || better(e, from))) {
          from = e;
        }
      }
      if (from == null) {
        return;
      }
      used.add(key(from.parameters()));
      refine(from, used);
    }
  }

  /** One compass search from {@code from}; points it moves through are marked used. */
  private void refine(Evaluation from, java.util.Set<String> used) {
    Evaluation center = from;
    double[] delta = new double[ranges.size()];
    for (int i = 0; i < delta.length; i++) {
      TuningRange r = ranges.get(i);
      delta[i] = Math.max(r.step(), (r.high() - r.low()) / 4);
    }
    while (budgetLeft()) {
      boolean improved = false;
      for (int i = 0; i < ranges.size() && budgetLeft() && !improved; i++) {
        TuningRange r = ranges.get(i);
        for (int sign : new int[] {1, -1}) {
          if (!budgetLeft()) {
            break;
          }
          Map<String, Double> p = new LinkedHashMap<>(center.parameters());
          double v = r.snap(p.get(r.name()) + sign * delta[i]);
          if (v == p.get(r.name())) {
            continue;
          }
          p.put(r.name(), v);
          Evaluation e = evaluate(p, "refine");
          if (e != null && better(e, center)) {
            center = e;
            used.add(key(e.parameters()));
            improved = true;
            break;
          }
        }
      }
      if (!improved) {
        boolean shrunk = false;
        for (int i = 0; i < delta.length; i++) {
          TuningRange r = ranges.get(i);
          if (delta[i] > r.step()) {
            delta[i] = Math.max(r.step(), delta[i] / 2);
            shrunk = true;
          }
        }
        if (!shrunk) {
          return; // converged on the grid
        }
      }
    }
  }

  private boolean budgetLeft() {
    return !cancelled && history.size() < settings.evaluations();
  }

  private Evaluation evaluate(Map<String, Double> parameters, String stage) {
    String key = key(parameters);
    Evaluation known = cache.get(key);
    if (known != null) {
      return known;
    }
    int index = history.size();
    RunListener steps =
        new RunListener() {
          @Override
          public void afterStep(Simulation sim, int step, int totalSteps) {
            listener.afterStep(index, sim, step, totalSteps);
          }

          @Override
          public boolean cancelled() {
            if (listener.cancelled()) {
              cancelled = true;
            }
            return cancelled;
          }
        };
    var result =
        TrafficRunner.run(scenario, provider.name(), parameters, settings.config(), settings.steps(), steps);
    Evaluation e = new Evaluation(index, stage, result.summary().controllerParameters(), result.summary());
    if (!result.completed()) {
      return e;
    }
    history.add(e);
    cache.put(key, e);
    if (best == null || better(e, best)) {
      best = e;
    }
    listener.evaluated(e, best);
    return e;
  }

  private static boolean better(Evaluation a, Evaluation b) {
    if (a.objective() != b.objective()) {
      return a.objective() < b.objective();
    }
    return a.summary().vehiclesFinished() > b.summary().vehiclesFinished();
  }

  private static String key(Map<String, Double> p) {
    StringBuilder sb = new StringBuilder();
    p.forEach((k, v) -> sb.append(k).append('=').append(v).append(';'));
    return sb.toString();
  }
}
