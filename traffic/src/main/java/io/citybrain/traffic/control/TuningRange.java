package io.citybrain.traffic.control;

/**
 * The interval a parameter search explores for one controller parameter: a plausible range, far
 * narrower than the parameter's valid range, and the grid step below which differences do not
 * matter.
 *
 * @param name a declared parameter name
 * @param low lowest value tried
 * @param high highest value tried, &ge; {@code low}
 * @param step grid step, &gt; 0; values tried are {@code low + k·step}, clamped to {@code high}
 */
public record TuningRange(String name, double low, double high, double step) {

  /**
   * @throws IllegalArgumentException when {@code low > high}, {@code step <= 0} or a bound is not
   *     finite
   */
  public TuningRange {
    if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
      throw new IllegalArgumentException("tuning range of " + name + " needs finite low <= high, got [" + low + ", " + high + "]");
    }
    if (!(step > 0 && Double.isFinite(step))) {
      throw new IllegalArgumentException("tuning step of " + name + " must be > 0, got " + step);
    }
  }

  /** {@code value} moved onto the grid and into [low, high]. */
  public double snap(double value) {
    double k = Math.round((value - low) / step);
    double v = low + k * step;
    // remove binary noise such as 0.30000000000000004
    v = Math.round(v * 1e9) / 1e9;
    return Math.max(low, Math.min(high, v));
  }
}
