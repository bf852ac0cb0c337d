package io.citybrain.bench.nab;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The NAB scoreboard as text: our detectors' rows beside the published ones, and breakdowns. */
public final class NabReport {
  private NabReport() {}

  /**
   * The scoreboard: every evaluated detector (marked as measured here) ranked with the published
   * entries by Standard score, then each evaluated detector's thresholds, detections and
   * per-category scores.
   *
   * @param profiles the profiles to show (columns), in order
   */
  public static String table(NabCorpus corpus, List<NabEvaluation> ours, List<NabProfile> profiles, String precisionNote) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "NAB corpus: %d series, %,d rows, %d anomaly windows. Scores are NAB's,"
        + " normalised (null detector 0, perfect 100),%n", corpus.series().size(), corpus.rows(), corpus.windows()));
    sb.append("threshold optimised per detector and profile over the whole corpus, as NAB does. ")
        .append(precisionNote).append(System.lineSeparator()).append(System.lineSeparator());
    sb.append(String.format(Locale.ROOT, "%-28s", "detector"));
    for (NabProfile p : profiles) {
      sb.append(String.format(Locale.ROOT, " %14s", p.title()));
    }
    sb.append("  source").append(System.lineSeparator());
    List<PublishedScoreboard> board = PublishedScoreboard.entries();
    boolean[] printed = new boolean[ours.size()];
    for (PublishedScoreboard e : board) {
      for (int k = 0; k < ours.size(); k++) {
        NabEvaluation o = ours.get(k);
        double mine = o.scores().get(NabProfile.STANDARD).normalizedScore();
        if (!printed[k] && mine >= e.standard()) {
          appendOurs(sb, o, profiles);
          printed[k] = true;
        }
      }
      sb.append(String.format(Locale.ROOT, "%-28s", e.detector()));
      for (NabProfile p : profiles) {
        sb.append(String.format(Locale.ROOT, " %14.1f", e.score(p)));
      }
      sb.append("  published, ").append(e.note()).append(System.lineSeparator());
    }
    for (int k = 0; k < ours.size(); k++) {
      if (!printed[k]) {
        appendOurs(sb, ours.get(k), profiles);
      }
    }
    for (NabEvaluation o : ours) {
      sb.append(System.lineSeparator()).append(o.detector()).append(':').append(System.lineSeparator());
      for (NabProfile p : profiles) {
        NabScorer.CorpusScore s = o.scores().get(p);
        sb.append(String.format(Locale.ROOT, "  %-14s threshold %.6f  raw %9.3f  windows detected %3d/%d  rows"
            + " detected in windows %5d, outside %5d%n", p.title(), s.threshold(), s.rawScore(), s.windowsDetected(),
            s.windows(), s.truePositiveRows(), s.falsePositiveRows()));
      }
      sb.append(String.format(Locale.ROOT, "  %-22s", "per category"));
      for (NabProfile p : profiles) {
        sb.append(String.format(Locale.ROOT, " %14s", p.title()));
      }
      sb.append("  windows detected (Standard), false-alarm rows").append(System.lineSeparator());
      Map<String, NabEvaluation.CategoryScore> first = o.byCategory(NabProfile.STANDARD);
      for (String category : first.keySet()) {
        sb.append(String.format(Locale.ROOT, "  %-22s", category));
        for (NabProfile p : profiles) {
          NabEvaluation.CategoryScore c = o.byCategory(p).get(category);
          sb.append(Double.isNaN(c.normalizedScore())
              ? String.format(Locale.ROOT, " %14s", String.format(Locale.ROOT, "raw %.2f", c.rawScore()))
              : String.format(Locale.ROOT, " %14.1f", c.normalizedScore()));
        }
        NabEvaluation.CategoryScore c = first.get(category);
        sb.append(String.format(Locale.ROOT, "  %d/%d, %d%n", c.windowsDetected(), c.windows(), c.falsePositiveRows()));
      }
    }
    return sb.toString();
  }

  private static void appendOurs(StringBuilder sb, NabEvaluation o, List<NabProfile> profiles) {
    sb.append(String.format(Locale.ROOT, "%-28s", "* " + o.detector()));
    for (NabProfile p : profiles) {
      sb.append(String.format(Locale.ROOT, " %14.1f", o.scores().get(p).normalizedScore()));
    }
    sb.append("  measured here, same scorer and profiles").append(System.lineSeparator());
  }
}
