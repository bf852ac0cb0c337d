package io.citybrain.bench.nab;

import io.citybrain.live.anomaly.AnomalyDetectorProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a detector's one global parameter set is chosen on NAB: coordinate search over a grid of
 * candidate values per parameter, maximising the mean of the three normalised profile scores on
 * a set of series (θ optimised per profile on that set, as NAB does). Deterministic: the same
 * corpus, grid and start give the same result.
 *
 * <p>Tuning on the full corpus is what every published NAB entry did (their parameters and the
 * threshold are tuned on the labels they are scored on). {@link #heldOut} gives the honest
 * counterpart: parameters and thresholds chosen on one half of the series, then applied unchanged
 * to the other half.
 */
public final class NabParameterSearch {
  private NabParameterSearch() {}

  /** The chosen parameters and their objective on the tuning series. */
  public record Result(Map<String, Double> parameters, double objective) {}

  /**
   * Coordinate search: for each parameter in turn, try every candidate with the others fixed and
   * keep the best; repeat for {@code rounds} rounds or until nothing changes.
   *
   * @param grid candidate values per parameter (parameters not listed keep their start value)
   * @param log receives one line per improvement
   */
  public static Result search(NabCorpus tuning, AnomalyDetectorProvider provider, Map<String, Double> start,
      Map<String, List<Double>> grid, int rounds, Consumer<String> log) {
    NabScorer scorer = new NabScorer(tuning);
    Map<String, Double> best = new LinkedHashMap<>(provider.resolve(start).asMap());
    double bestObjective = objective(scorer, provider, best);
    log.accept(String.format(Locale.ROOT, "start %s -> %.3f", best, bestObjective));
    for (int round = 0; round < rounds; round++) {
      boolean changed = false;
      for (Map.Entry<String, List<Double>> g : grid.entrySet()) {
        for (double candidate : g.getValue()) {
          if (candidate == best.get(g.getKey())) {
            continue;
          }
          Map<String, Double> trial = new LinkedHashMap<>(best);
          trial.put(g.getKey(), candidate);
          double o = objective(scorer, provider, trial);
          if (o > bestObjective + 1e-9) {
            best = trial;
            bestObjective = o;
            changed = true;
            log.accept(String.format(Locale.ROOT, "round %d %s=%s -> %.3f", round + 1, g.getKey(), candidate, o));
          }
        }
      }
      if (!changed) {
        break;
      }
    }
    return new Result(best, bestObjective);
  }

  /** Mean of the three normalised scores of {@code provider} with {@code parameters} on the scorer's corpus. */
  public static double objective(NabScorer scorer, AnomalyDetectorProvider provider, Map<String, Double> parameters) {
    List<double[]> scores = NabPrecision.round(NabRunner.run(scorer.corpus(), provider, parameters, 2).scores());
    double sum = 0;
    for (NabProfile p : NabProfile.values()) {
      sum += scorer.score(scores, p).normalizedScore();
    }
    return sum / NabProfile.values().length;
  }

  /**
   * A held-out check.
   *
   * @param tuned parameters chosen on the tuning half
   * @param tuningScores the tuning half's scores per profile (θ optimised there)
   * @param heldOutScores the other half scored with the tuning half's θ, unchanged
   * @param heldOutOptimisedScores the other half with θ re-optimised on it (parameters unchanged),
   *     for comparison
   */
  public record HeldOut(Map<String, Double> tuned, Map<NabProfile, Double> tuningScores,
      Map<NabProfile, Double> heldOutScores, Map<NabProfile, Double> heldOutOptimisedScores) {}

  /**
   * Splits the corpus into series at even and odd positions within each category (so both halves
   * hold every category), tunes on the even half with {@link #search}, and scores the odd half
   * with those parameters and the even half's thresholds.
   */
  public static HeldOut heldOut(NabCorpus corpus, AnomalyDetectorProvider provider, Map<String, Double> start,
      Map<String, List<Double>> grid, int rounds, Consumer<String> log) {
    List<NabSeries> even = new ArrayList<>();
    List<NabSeries> odd = new ArrayList<>();
    corpus.byCategory().values().forEach(list -> {
      for (int i = 0; i < list.size(); i++) {
        (i % 2 == 0 ? even : odd).add(list.get(i));
      }
    });
    NabCorpus tuning = new NabCorpus(even);
    NabCorpus test = new NabCorpus(odd);
    Result r = search(tuning, provider, start, grid, rounds, log);
    NabScorer tuningScorer = new NabScorer(tuning);
    NabScorer testScorer = new NabScorer(test);
    List<double[]> tuningRows = NabPrecision.round(NabRunner.run(tuning, provider, r.parameters(), 2).scores());
    List<double[]> testRows = NabPrecision.round(NabRunner.run(test, provider, r.parameters(), 2).scores());
    Map<NabProfile, Double> tuned = new LinkedHashMap<>();
    Map<NabProfile, Double> held = new LinkedHashMap<>();
    Map<NabProfile, Double> reopt = new LinkedHashMap<>();
    for (NabProfile p : NabProfile.values()) {
      NabScorer.CorpusScore t = tuningScorer.score(tuningRows, p);
      tuned.put(p, t.normalizedScore());
      held.put(p, testScorer.scoreAt(testRows, p, t.threshold()).normalizedScore());
      reopt.put(p, testScorer.score(testRows, p).normalizedScore());
    }
    return new HeldOut(r.parameters(), tuned, held, reopt);
  }
}
