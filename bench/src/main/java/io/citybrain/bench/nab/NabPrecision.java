package io.citybrain.bench.nab;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The precision NAB's published results were scored at. NAB's detectors wrote their anomaly
 * scores to CSV as text with 12 significant digits (Python 2's {@code str(float)}), and the
 * scorer read them back; so a score of 0.99999999999989 was scored as 1.0. Which rows reach the
 * windowed Gaussian's optimal threshold of exactly 1.0 depends on it: our port of that detector
 * gives NAB's published raw totals exactly at this precision (−24.013 Standard) and 40.1 instead
 * of 39.6 at full double precision. Comparing with the board is like with like at this precision.
 */
public final class NabPrecision {
  /** Significant digits of NAB's stored anomaly scores. */
  public static final int SIGNIFICANT_DIGITS = 12;

  private static final MathContext CONTEXT = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

  private NabPrecision() {}

  /** {@code score} rounded to 12 significant digits, as NAB stored it. */
  public static double round(double score) {
    if (score == 0.0 || !Double.isFinite(score)) {
      return score;
    }
    return new BigDecimal(score).round(CONTEXT).doubleValue();
  }

  /** Every score rounded as NAB stored it (new arrays). */
  public static List<double[]> round(List<double[]> scores) {
    List<double[]> out = new ArrayList<>(scores.size());
    for (double[] a : scores) {
      double[] r = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        r[i] = round(a[i]);
      }
      out.add(r);
    }
    return out;
  }
}
