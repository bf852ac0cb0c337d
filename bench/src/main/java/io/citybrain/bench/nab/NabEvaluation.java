package io.citybrain.bench.nab;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One detector's NAB result: its corpus score under each profile (threshold optimised per profile
 * over the whole corpus, as NAB does) and the per-category breakdown at those thresholds.
 *
 * @param detector the detector's name
 * @param scores per profile
 */
public record NabEvaluation(String detector, Map<NabProfile, NabScorer.CorpusScore> scores) {

  /** Scores {@code anomalyScores} under every profile. */
  public static NabEvaluation of(String detector, NabScorer scorer, List<double[]> anomalyScores) {
    Map<NabProfile, NabScorer.CorpusScore> out = new EnumMap<>(NabProfile.class);
    for (NabProfile p : NabProfile.values()) {
      out.put(p, scorer.score(anomalyScores, p));
    }
    return new NabEvaluation(detector, out);
  }

  /**
   * A category's part of the score.
   *
   * @param rawScore the category's files summed at the corpus threshold
   * @param normalizedScore normalised over the category's windows (NaN for a category without
   *     windows, where only false alarms can be counted)
   * @param windows windows in the category
   * @param windowsDetected of those, detected
   * @param falsePositiveRows detected rows outside windows
   */
  public record CategoryScore(double rawScore, double normalizedScore, int windows, int windowsDetected,
      int falsePositiveRows) {}

  /** Per category, in corpus order, for one profile. */
  public Map<String, CategoryScore> byCategory(NabProfile profile) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (NabScorer.FileScore f : scores.get(profile).files()) {
      double[] s = sums.computeIfAbsent(f.category(), k -> new double[4]);
      s[0] += f.score();
      s[1] += f.windows();
      s[2] += f.windowsDetected();
      s[3] += f.falsePositiveRows();
    }
    Map<String, CategoryScore> out = new LinkedHashMap<>();
    sums.forEach((k, s) -> out.put(k, new CategoryScore(s[0],
        s[1] > 0 ? NabScorer.normalize(s[0], profile, (int) s[1]) : Double.NaN, (int) s[1], (int) s[2], (int) s[3])));
    return out;
  }
}
