package io.citybrain.bench.nab;

import io.citybrain.commons.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a detector's results in NAB's layout, so NAB's own tools and anyone used to them can read
 * them: {@code <detector>/<category>/<detector>_<file>.csv} with the columns {@code
 * timestamp,value,anomaly_score,label,S(t)_standard,S(t)_reward_low_FP_rate,S(t)_reward_low_FN_rate},
 * one {@code <detector>/<detector>_<profile>_scores.csv} per profile (per-file threshold, score
 * and row counts, then a {@code Totals} row), and {@code final_results.json} with the normalised
 * scores. Every file is written whole or not at all.
 */
public final class NabResultWriter {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private NabResultWriter() {}

  /**
   * Writes the results of {@code evaluation} (whose per-row scores are {@code anomalyScores}) under
   * {@code folder}.
   *
   * @throws IOException if a file cannot be written (files already written stay whole)
   */
  public static void write(Path folder, NabScorer scorer, NabEvaluation evaluation, List<double[]> anomalyScores)
      throws IOException {
    String det = evaluation.detector();
    Path root = folder.resolve(det);
    List<NabSeries> all = scorer.corpus().series();
    for (int s = 0; s < all.size(); s++) {
      NabSeries series = all.get(s);
      double[] scores = anomalyScores.get(s);
      double[][] rowValues = new double[NabProfile.values().length][];
      for (NabProfile p : NabProfile.values()) {
        rowValues[p.ordinal()] = scorer.rowValues(s, p);
      }
      int index = s;
      Path file = root.resolve(series.category()).resolve(det + "_" + series.fileName());
      AtomicFiles.write(file, out -> {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("timestamp,value,anomaly_score,label");
        for (NabProfile p : NabProfile.values()) {
          w.write(",S(t)_" + p.nabName());
        }
        w.write('\n');
        for (int i = 0; i < series.rows(); i++) {
          w.write(TIMESTAMP.format(LocalDateTime.ofEpochSecond(series.timestampEpochSeconds(i), 0, ZoneOffset.UTC)));
          w.write(',');
          w.write(number(series.value(i)));
          w.write(',');
          w.write(number(scores[i]));
          w.write(scorer.inWindow(index, i) ? ",1" : ",0");
          for (NabProfile p : NabProfile.values()) {
            w.write(',');
            w.write(number(rowValues[p.ordinal()][i]));
          }
          w.write('\n');
        }
        w.flush();
      });
    }
    for (NabProfile p : NabProfile.values()) {
      NabScorer.CorpusScore cs = evaluation.scores().get(p);
      AtomicFiles.write(root.resolve(det + "_" + p.nabName() + "_scores.csv"), out -> {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("Detector,Profile,File,Threshold,Score,TP,TN,FP,FN,Total_Count\n");
        int tp = 0;
        int tn = 0;
        int fp = 0;
        int fn = 0;
        for (NabScorer.FileScore f : cs.files()) {
          int total = f.truePositiveRows() + f.trueNegativeRows() + f.falsePositiveRows() + f.falseNegativeRows();
          w.write(String.join(",", det, p.nabName(), f.path(), number(cs.threshold()), number(f.score()),
              Integer.toString(f.truePositiveRows()), Integer.toString(f.trueNegativeRows()),
              Integer.toString(f.falsePositiveRows()), Integer.toString(f.falseNegativeRows()), Integer.toString(total)));
          w.write('\n');
          tp += f.truePositiveRows();
          tn += f.trueNegativeRows();
          fp += f.falsePositiveRows();
          fn += f.falseNegativeRows();
        }
        w.write("Totals,,,," + number(cs.rawScore()) + "," + tp + "," + tn + "," + fp + "," + fn + ","
            + (tp + tn + fp + fn) + "\n");
        w.flush();
      });
    }
    AtomicFiles.write(folder.resolve(det + "_final_results.json"), out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write("{\n    \"" + det + "\": {\n");
      NabProfile[] ps = NabProfile.values();
      for (int k = 0; k < ps.length; k++) {
        NabScorer.CorpusScore cs = evaluation.scores().get(ps[k]);
        w.write("        \"" + ps[k].nabName() + "\": " + number(cs.normalizedScore()) + (k + 1 < ps.length ? ",\n" : "\n"));
      }
      w.write("    }\n}\n");
      w.flush();
    });
  }

  /** Shortest text that reads back as the same double (NaN as NaN, as in NAB's CSVs). */
  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return (long) v + ".0";
    }
    return Double.toString(v);
  }
}
