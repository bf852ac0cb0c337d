package io.citybrain.bench.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The NAB scorer: turns one detector's anomaly scores on a corpus into NAB's score for a profile,
 * with the threshold optimised over the whole corpus, exactly as NAB v1.x computes it.
 *
 * <p>Source: Lavin & Ahmad, "Evaluating Real-time Anomaly Detection Algorithms — the Numenta
 * Anomaly Benchmark", IEEE ICMLA 2015, §IV, and the behaviour of NAB's {@code nab/sweeper.py},
 * {@code scorer.py}, {@code optimizer.py} and {@code runner.py} at commit ea702d7 (written out in
 * {@code docs/anomaly-detection.md}; this is our own implementation of that method):
 *
 * <ul>
 *   <li>The first P = min(floor(0.15 N), 750) rows of a series are probationary and take no part
 *       in the score; a window counts only if one of its rows is past them.
 *   <li>A row is a detection when its anomaly score is ≥ the threshold θ.
 *   <li>A detected row i inside a window [l, r] of width W is worth A_TP · σ(y)/σ(−1) with
 *       y = −(r − i + 1)/W and σ(y) = 2/(1 + e^{5y}) − 1 ({@link #scaledSigmoid}); each window adds
 *       its largest such value (its earliest detection), or −A_FN if none of its rows is detected.
 *   <li>A detected row outside every window costs A_FP · σ((i − r′)/(W′ − 1)) after the most
 *       recent window [l′, r′] (σ = −1 beyond 3 widths), or −A_FP when no window came before.
 *   <li>θ is the candidate that maximises the corpus total over all distinct anomaly scores and
 *       "no detection" (NAB's 1.1); ties go to the highest θ.
 *   <li>Normalised score = 100 (S − S_null)/(S_perfect − S_null), S_perfect = A_TP · windows,
 *       S_null = −A_FN · windows (the null detector misses every window).
 * </ul>
 *
 * <p>Instances are immutable and may be shared; the per-row weights of each series are computed
 * once, so sweeping many detectors' scores over one corpus is cheap.
 */
public final class NabScorer {
  /** The threshold NAB records for "no detection at all", above every anomaly score. */
  public static final double NO_DETECTION_THRESHOLD = 1.1;

  /** σ(−1) = 0.98661...: the value of a detection on a window's first row before scaling. */
  public static final double SIGMOID_AT_WINDOW_START = scaledSigmoid(-1.0);

  private final NabCorpus corpus;
  /** Per series: window index (into the corpus-wide window list) of each row, −1 outside. */
  private final int[][] windowOfRow;
  /** Per series: σ(y)/σ(−1) inside windows, σ of the position after the last window outside. */
  private final double[][] unweightedValue;
  /** Per series: probationary rows. */
  private final int[] probation;
  /** Corpus-wide window count, counted windows (with a scored row) and each window's series. */
  private final int windowCount;
  private final boolean[] windowScored;
  private final int[] windowSeries;

  /** A scorer for this corpus (labels and probation are taken from it). */
  public NabScorer(NabCorpus corpus) {
    this.corpus = corpus;
    List<NabSeries> all = corpus.series();
    windowOfRow = new int[all.size()][];
    unweightedValue = new double[all.size()][];
    probation = new int[all.size()];
    windowCount = corpus.windows();
    windowScored = new boolean[windowCount];
    windowSeries = new int[windowCount];
    int firstWindow = 0;
    for (int s = 0; s < all.size(); s++) {
      NabSeries series = all.get(s);
      probation[s] = series.probationRows();
      windowOfRow[s] = new int[series.rows()];
      unweightedValue[s] = new double[series.rows()];
      rowWeights(series, firstWindow, windowOfRow[s], unweightedValue[s]);
      for (int k = 0; k < series.windows().size(); k++) {
        windowSeries[firstWindow + k] = s;
        windowScored[firstWindow + k] = series.windows().get(k).lastRow() >= probation[s];
      }
      firstWindow += series.windows().size();
    }
  }

  /** The corpus this scorer was built for. */
  public NabCorpus corpus() {
    return corpus;
  }

  /**
   * NAB's scaled sigmoid σ(y) = 2/(1 + e^{5y}) − 1, and −1 for y > 3 (NAB {@code scaledSigmoid}).
   * σ(−1) = 0.98661, σ(−0.5) = 0.84828, σ(0) = 0, σ(1) = −0.98661.
   *
   * @param y relative position: −1 at a window's left edge, 0 past its right edge, > 0 after it
   */
  public static double scaledSigmoid(double y) {
    if (y > 3.0) {
      return -1.0;
    }
    return 2.0 * (1.0 / (1.0 + Math.exp(5.0 * y))) - 1.0;
  }

  private static void rowWeights(NabSeries series, int firstWindow, int[] windowOf, double[] value) {
    List<NabWindow> windows = series.windows();
    int next = 0;
    int previousRight = -1;
    int previousWidth = 0;
    for (int i = 0; i < series.rows(); i++) {
      NabWindow w = next < windows.size() ? windows.get(next) : null;
      if (w != null && w.contains(i)) {
        windowOf[i] = firstWindow + next;
        value[i] = scaledSigmoid(-(double) (w.lastRow() - i + 1) / w.widthRows()) / SIGMOID_AT_WINDOW_START;
        if (i == w.lastRow()) {
          previousRight = i;
          previousWidth = w.widthRows();
          next++;
        }
      } else {
        windowOf[i] = -1;
        // a one-row window would divide by zero here, as in NAB; NAB's windows are ≥ 29 rows wide
        value[i] = previousRight < 0 ? -1.0
            : scaledSigmoid(Math.abs(previousRight - i) / (double) (previousWidth - 1));
      }
    }
  }

  /**
   * NAB's per-row "S(t)" column for series {@code seriesIndex}: what each row would add to the
   * score if it were a detection (A_TP-weighted sigmoid inside windows, A_FP-weighted outside),
   * for every row including probationary ones, as NAB writes it into its result files.
   */
  public double[] rowValues(int seriesIndex, NabProfile profile) {
    double[] u = unweightedValue[seriesIndex];
    double[] out = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      out[i] = u[i] * (windowOfRow[seriesIndex][i] >= 0 ? profile.truePositiveWeight() : profile.falsePositiveWeight());
    }
    return out;
  }

  /** Whether row {@code row} of series {@code seriesIndex} lies in a labelled window. */
  public boolean inWindow(int seriesIndex, int row) {
    return windowOfRow[seriesIndex][row] >= 0;
  }

  /** One series' score at a threshold, with NAB's row counts (scored rows only). */
  public record FileScore(
      String path,
      String category,
      double score,
      int truePositiveRows,
      int trueNegativeRows,
      int falsePositiveRows,
      int falseNegativeRows,
      int windows,
      int windowsDetected) {}

  /**
   * A detector's corpus score for one profile.
   *
   * @param profile the profile
   * @param threshold θ, the optimised or given threshold ({@link #NO_DETECTION_THRESHOLD}: none)
   * @param rawScore S, the corpus total before normalisation (NAB's "Totals" row)
   * @param normalizedScore 100 (S − S_null)/(S_perfect − S_null), as on NAB's scoreboard
   * @param files per-series scores at θ, in corpus order
   */
  public record CorpusScore(NabProfile profile, double threshold, double rawScore, double normalizedScore,
      List<FileScore> files) {

    /** Rows detected inside windows, over all series (NAB's TP count). */
    public int truePositiveRows() {
      return files.stream().mapToInt(FileScore::truePositiveRows).sum();
    }

    /** Rows detected outside windows, over all series (NAB's FP count). */
    public int falsePositiveRows() {
      return files.stream().mapToInt(FileScore::falsePositiveRows).sum();
    }

    /** Windows with at least one detection. */
    public int windowsDetected() {
      return files.stream().mapToInt(FileScore::windowsDetected).sum();
    }

    /** Windows counted. */
    public int windows() {
      return files.stream().mapToInt(FileScore::windows).sum();
    }
  }

  /**
   * Optimises θ for {@code profile} over the whole corpus and scores every series at it: NAB's
   * published procedure (the threshold is tuned on the same labels it is scored on).
   *
   * @param anomalyScores one array per series of the corpus, in corpus order, one score in [0, 1]
   *     per row
   * @throws IllegalArgumentException if the arrays do not match the series or a score is outside
   *     [0, 1] or NaN (naming the series and row)
   */
  public CorpusScore score(List<double[]> anomalyScores, NabProfile profile) {
    return scoreAt(anomalyScores, profile, optimalThreshold(anomalyScores, profile));
  }

  /** Scores every series at a given threshold (no optimisation): for held-out checks. */
  public CorpusScore scoreAt(List<double[]> anomalyScores, NabProfile profile, double threshold) {
    check(anomalyScores);
    List<FileScore> files = new ArrayList<>();
    double total = 0;
    int firstWindow = 0;
    for (int s = 0; s < corpus.series().size(); s++) {
      FileScore f = scoreSeries(s, firstWindow, anomalyScores.get(s), profile, threshold);
      files.add(f);
      total += f.score();
      firstWindow += corpus.series().get(s).windows().size();
    }
    return new CorpusScore(profile, threshold, total, normalize(total, profile, windowCount), files);
  }

  /** 100 (S − S_null)/(S_perfect − S_null) for a total over {@code windows} windows. */
  public static double normalize(double rawScore, NabProfile profile, int windows) {
    double perfect = profile.truePositiveWeight() * windows;
    double none = -profile.falseNegativeWeight() * windows;
    return 100.0 * (rawScore - none) / (perfect - none);
  }

  private FileScore scoreSeries(int s, int firstWindow, double[] scores, NabProfile profile, double threshold) {
    NabSeries series = corpus.series().get(s);
    int nWindows = series.windows().size();
    double[] best = new double[nWindows];
    boolean[] detected = new boolean[nWindows];
    double fp = 0;
    int tp = 0;
    int tn = 0;
    int fpRows = 0;
    int fn = 0;
    for (int i = probation[s]; i < scores.length; i++) {
      int w = windowOfRow[s][i];
      boolean hit = scores[i] >= threshold;
      if (w >= 0) {
        int k = w - firstWindow;
        if (hit) {
          tp++;
          double v = profile.truePositiveWeight() * unweightedValue[s][i];
          if (!detected[k] || v > best[k]) {
            best[k] = v;
            detected[k] = true;
          }
        } else {
          fn++;
        }
      } else if (hit) {
        fpRows++;
        fp += profile.falsePositiveWeight() * unweightedValue[s][i];
      } else {
        tn++;
      }
    }
    double score = fp;
    int counted = 0;
    int hits = 0;
    for (int k = 0; k < nWindows; k++) {
      if (!windowScored[firstWindow + k]) {
        continue;
      }
      counted++;
      if (detected[k]) {
        hits++;
        score += best[k];
      } else {
        score -= profile.falseNegativeWeight();
      }
    }
    return new FileScore(series.path(), series.category(), score, tp, tn, fpRows, fn, counted, hits);
  }

  /** One point of the threshold sweep: the corpus total S if θ were {@code threshold}. */
  public record SweepPoint(double threshold, double rawScore) {}

  /**
   * The corpus total at every candidate threshold, highest first: {@link #NO_DETECTION_THRESHOLD}
   * then every distinct anomaly score of a scored row in descending order.
   */
  public List<SweepPoint> sweep(List<double[]> anomalyScores, NabProfile profile) {
    List<SweepPoint> out = new ArrayList<>();
    sweep(anomalyScores, profile, out);
    return out;
  }

  /**
   * The optimal θ for {@code profile}: the candidate with the largest corpus total, the highest
   * one among equals.
   */
  public double optimalThreshold(List<double[]> anomalyScores, NabProfile profile) {
    return sweep(anomalyScores, profile, null).threshold();
  }

  private SweepPoint sweep(List<double[]> anomalyScores, NabProfile profile, List<SweepPoint> curve) {
    check(anomalyScores);
    int scoredRows = 0;
    for (int s = 0; s < probation.length; s++) {
      scoredRows += Math.max(0, anomalyScores.get(s).length - probation[s]);
    }
    // gather scored rows, then bucket them by distinct score with primitive sorts only
    double[] rowScore = new double[scoredRows];
    int[] rowSeries = new int[scoredRows];
    int[] rowIndex = new int[scoredRows];
    int n = 0;
    for (int s = 0; s < probation.length; s++) {
      double[] a = anomalyScores.get(s);
      for (int i = probation[s]; i < a.length; i++) {
        rowScore[n] = a[i] == 0.0 ? 0.0 : a[i]; // −0.0 and 0.0 are one threshold, as in NAB
        rowSeries[n] = s;
        rowIndex[n] = i;
        n++;
      }
    }
    double[] levels = distinctAscending(rowScore);
    int[] start = new int[levels.length + 1];
    int[] level = new int[n];
    for (int r = 0; r < n; r++) {
      level[r] = Arrays.binarySearch(levels, rowScore[r]);
      start[level[r] + 1]++;
    }
    for (int k = 0; k < levels.length; k++) {
      start[k + 1] += start[k];
    }
    int[] order = new int[n];
    int[] fill = Arrays.copyOf(start, levels.length);
    for (int r = 0; r < n; r++) {
      order[fill[level[r]]++] = r;
    }

    double[] windowPart = new double[windowCount];
    double windowsTotal = 0;
    for (int w = 0; w < windowCount; w++) {
      if (windowScored[w]) {
        windowPart[w] = -profile.falseNegativeWeight();
        windowsTotal += windowPart[w];
      }
    }
    double fpTotal = 0;
    SweepPoint best = new SweepPoint(NO_DETECTION_THRESHOLD, windowsTotal + fpTotal);
    if (curve != null) {
      curve.add(best);
    }
    for (int k = levels.length - 1; k >= 0; k--) {
      for (int j = start[k]; j < start[k + 1]; j++) {
        int r = order[j];
        int s = rowSeries[r];
        int i = rowIndex[r];
        int w = windowOfRow[s][i];
        if (w >= 0) {
          double v = profile.truePositiveWeight() * unweightedValue[s][i];
          if (v > windowPart[w]) {
            windowsTotal += v - windowPart[w];
            windowPart[w] = v;
          }
        } else {
          fpTotal += profile.falsePositiveWeight() * unweightedValue[s][i];
        }
      }
      SweepPoint p = new SweepPoint(levels[k], windowsTotal + fpTotal);
      if (curve != null) {
        curve.add(p);
      }
      if (p.rawScore() > best.rawScore()) {
        best = p;
      }
    }
    return best;
  }

  private static double[] distinctAscending(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (m == 0 || sorted[i] != sorted[m - 1]) {
        sorted[m++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, m);
  }

  private void check(List<double[]> anomalyScores) {
    List<NabSeries> all = corpus.series();
    if (anomalyScores.size() != all.size()) {
      throw new IllegalArgumentException("expected anomaly scores for " + all.size() + " series, got "
          + anomalyScores.size());
    }
    for (int s = 0; s < all.size(); s++) {
      double[] a = anomalyScores.get(s);
      if (a.length != all.get(s).rows()) {
        throw new IllegalArgumentException(all.get(s).path() + ": expected " + all.get(s).rows()
            + " anomaly scores (one per row), got " + a.length);
      }
      for (int i = 0; i < a.length; i++) {
        if (!(a[i] >= 0.0 && a[i] <= 1.0)) {
          throw new IllegalArgumentException(all.get(s).path() + ": row " + i + " has anomaly score " + a[i]
              + "; NAB scores lie in [0, 1]");
        }
      }
    }
  }
}
