package io.citybrain.live.anomaly;

import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * NAB's "windowed Gaussian" baseline: the score of a value is one minus its two-sided tail
 * probability under a normal distribution fitted to the previous values.
 *
 * <p>Source: the windowedGaussian detector of the Numenta Anomaly Benchmark (numenta/NAB,
 * {@code nab/detectors/gaussian/windowedGaussian_detector.py}; Lavin & Ahmad, ICMLA 2015), which
 * scores 39.6 / 20.9 / 47.4 (Standard / Reward Low FP / Reward Low FN) on NAB v1.0. Our own
 * implementation of its rules:
 *
 * <ul>
 *   <li>The window holds up to {@code windowSize} (6,400) past values. Until it is full every new
 *       value is added; then values are buffered and the window slides forward by {@code stepSize}
 *       (100) values at a time, once that many have arrived.
 *   <li>Mean μ and population standard deviation σ are those of the window; σ = 0 is replaced by
 *       10⁻⁶. Before any value, μ = 0 and σ = 1, and the first point scores 0.
 *   <li>score(x) = 1 − Q(|x − μ|/σ), Q(z) = erfc(z/√2)/2 the normal tail probability, so scores lie
 *       in [0.5, 1]; in double precision the score is exactly 1 once |x − μ| ≳ 8.3 σ.
 * </ul>
 *
 * <p>State: the window as a ring buffer, the step buffer, μ and σ. μ and σ are recomputed from the
 * window, as NAB does, after every value while it fills and after every slide: O(window) work at
 * those points, which makes this baseline slow on its first 6,400 points of a series.
 */
public final class WindowedGaussianDetector implements AnomalyDetector {
  private static final long serialVersionUID = 1L;
  private static final double SQRT2 = Math.sqrt(2.0);

  private final double[] window;
  private final double[] step;
  private int windowLength;
  private int windowStart;
  private int stepLength;
  private double mean = 0.0;
  private double std = 1.0;
  /** Reused buffers for the recomputation (not state: rebuilt from the window each time). */
  private transient double[] ordered;
  private transient double[] squares;

  /**
   * @param windowSize values in the full window, ≥ 1 (NAB: 6,400)
   * @param stepSize values the full window slides by at once, 1..windowSize (NAB: 100)
   */
  public WindowedGaussianDetector(int windowSize, int stepSize) {
    if (windowSize < 1 || stepSize < 1 || stepSize > windowSize) {
      throw new IllegalArgumentException("need windowSize >= 1 and 1 <= stepSize <= windowSize, got " + windowSize
          + ", " + stepSize);
    }
    window = new double[windowSize];
    step = new double[stepSize];
  }

  @Override
  public double score(long timestampEpochSeconds, double value) {
    double score = windowLength > 0 ? 1.0 - tailProbability(value, mean, std) : 0.0;
    if (windowLength < window.length) {
      window[windowLength++] = value;
      update();
    } else {
      step[stepLength++] = value;
      if (stepLength == step.length) {
        for (int k = 0; k < step.length; k++) {
          window[(windowStart + k) % window.length] = step[k];
        }
        windowStart = (windowStart + step.length) % window.length;
        stepLength = 0;
        update();
      }
    }
    return score;
  }

  /**
   * μ and σ of the window, summed exactly as NumPy's {@code mean} and {@code std} do (pairwise
   * summation, two passes). Running updates would be O(1) but round differently, and which rows
   * saturate at exactly 1.0, the published threshold, depends on the last bits: e.g. NumPy's mean
   * of a constant run of 0.1 is not exactly 0.1, so σ is tiny rather than 0 and the next
   * different value scores 1.0.
   */
  private void update() {
    int n = windowLength;
    double[] ordered = scratch(n);
    mean = pairwiseSum(ordered, 0, n) / n;
    double[] squares = squaresScratch(n);
    for (int i = 0; i < n; i++) {
      double d = ordered[i] - mean;
      squares[i] = d * d;
    }
    setStd(Math.sqrt(pairwiseSum(squares, 0, n) / n));
  }

  /** The window's values oldest first (NumPy's array order), in a reused buffer. */
  private double[] scratch(int n) {
    if (ordered == null) {
      ordered = new double[window.length];
    }
    if (windowStart == 0) {
      System.arraycopy(window, 0, ordered, 0, n);
    } else {
      int tail = window.length - windowStart;
      System.arraycopy(window, windowStart, ordered, 0, tail);
      System.arraycopy(window, 0, ordered, tail, windowStart);
    }
    return ordered;
  }

  private double[] squaresScratch(int n) {
    if (squares == null) {
      squares = new double[window.length];
    }
    return squares;
  }

  /**
   * NumPy's pairwise summation of {@code a[from, from + n)} (numpy/core/src/umath/loops_utils.h:
   * below 8 values a plain loop, up to 128 eight interleaved partial sums, above that the two
   * halves, split at a multiple of 8, summed recursively), added to NumPy's starting value 0.0.
   */
  static double pairwiseSum(double[] a, int from, int n) {
    return 0.0 + pairwise(a, from, n);
  }

  private static double pairwise(double[] a, int from, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    } else if (n <= 128) {
      double r0 = a[from];
      double r1 = a[from + 1];
      double r2 = a[from + 2];
      double r3 = a[from + 3];
      double r4 = a[from + 4];
      double r5 = a[from + 5];
      double r6 = a[from + 6];
      double r7 = a[from + 7];
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        r0 += a[from + i];
        r1 += a[from + i + 1];
        r2 += a[from + i + 2];
        r3 += a[from + i + 3];
        r4 += a[from + i + 4];
        r5 += a[from + i + 5];
        r6 += a[from + i + 6];
        r7 += a[from + i + 7];
      }
      double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    } else {
      int n2 = n / 2;
      n2 -= n2 % 8;
      return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }
  }

  private void setStd(double s) {
    std = s == 0.0 ? 1e-6 : s;
  }

  /** P(X > |x − μ| + μ) for X ~ N(μ, σ²): the normal tail probability Q(|x − μ|/σ). */
  static double tailProbability(double x, double mean, double std) {
    double xp = x < mean ? 2 * mean - x : x; // mirrored as in NAB, so rounding matches
    double z = (xp - mean) / std;
    return 0.5 * Erf.erfc(z / SQRT2);
  }

  /** The provider: {@code windowed-gaussian}. */
  public static final class Provider implements AnomalyDetectorProvider {
    @Override
    public String name() {
      return "windowed-gaussian";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public String description() {
      return "NAB's windowed Gaussian baseline: normal tail probability over the last 6,400 values";
    }

    @Override
    public String source() {
      return "Lavin & Ahmad, Evaluating Real-time Anomaly Detection Algorithms - the Numenta Anomaly Benchmark,"
          + " IEEE ICMLA 2015; NAB's windowedGaussian detector (numenta/NAB ea702d7), reimplemented";
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of(
          new ParameterSpec("windowSize", 6400, 1, 1_000_000, POINTS, "values in the window"),
          new ParameterSpec("stepSize", 100, 1, 1_000_000, POINTS, "values the full window slides by"));
    }

    @Override
    public AnomalyDetector create(ParameterValues p, SeriesHints hints) {
      if (p.get("stepSize") > p.get("windowSize")) {
        throw new IllegalArgumentException("parameter stepSize=" + ParameterValues.format(p.get("stepSize"))
            + " of anomaly detector 'windowed-gaussian' must not exceed windowSize="
            + ParameterValues.format(p.get("windowSize")));
      }
      return new WindowedGaussianDetector((int) p.get("windowSize"), (int) p.get("stepSize"));
    }
  }
}
