package io.citybrain.live.anomaly;

import io.citybrain.commons.algorithm.AlgorithmDomain;
import io.citybrain.commons.algorithm.AlgorithmProvider;
import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An anomaly detector: the {@link AlgorithmDomain#ANOMALY_DETECTION} domain of the one algorithm
 * registry ({@link io.citybrain.commons.algorithm.AlgorithmRegistry}), found by name through
 * {@link AnomalyDetectors}. Adding one is one provider class and one line in {@code
 * META-INF/services/io.citybrain.commons.algorithm.AlgorithmProvider}. Providers are stateless;
 * {@link #create} makes one detector per series, and the registry gives it a name, version,
 * source, declared parameters and an artifact digest like every other algorithm.
 *
 * <p>Parameters whose unit is {@value #POINTS} are counts of points and must be whole numbers;
 * {@link #resolve} checks that too.
 */
public interface AnomalyDetectorProvider extends AlgorithmProvider {
  /** The unit of parameters that count points of a series (whole numbers). */
  String POINTS = "points";

  /** Anomaly detection. */
  @Override
  default AlgorithmDomain domain() {
    return AlgorithmDomain.ANOMALY_DETECTION;
  }

  /**
   * Whether the detector needs {@link SeriesHints} (NAB's look-ahead of the series' minimum,
   * maximum and probation length). Such a detector exists to reproduce a published NAB entry
   * and is refused outside the NAB harness.
   */
  default boolean usesSeriesHints() {
    return false;
  }

  /**
   * A fresh detector for one series.
   *
   * @param parameters the full parameter set, from {@link #resolve}
   * @param hints the series' hints; null outside the NAB harness
   * @throws IllegalArgumentException for parameter values that are valid one by one but not
   *     together, or missing hints for a detector that {@link #usesSeriesHints() uses them}
   */
  AnomalyDetector create(ParameterValues parameters, SeriesHints hints);

  /**
   * Checks {@code given} against {@link #parameters()} (names, ranges, and whole numbers for
   * counts of {@value #POINTS}) and fills in defaults: the one global parameter set.
   *
   * @throws IllegalArgumentException naming every unknown, out-of-range or fractional parameter
   */
  @Override
  default ParameterValues resolve(Map<String, Double> given) {
    ParameterValues values = AlgorithmProvider.super.resolve(given);
    List<String> problems = new ArrayList<>();
    for (ParameterSpec s : parameters()) {
      double v = values.get(s.name());
      if (POINTS.equals(s.unit()) && v != Math.rint(v)) {
        problems.add("parameter '" + s.name() + "' of " + domain().noun() + " '" + name() + "' is " + v
            + "; expected a whole number of points in [" + ParameterValues.format(s.min()) + ", "
            + ParameterValues.format(s.max()) + "]");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return values;
  }

  /** A fresh detector with {@code given} parameters resolved (the rest at their defaults). */
  default AnomalyDetector create(Map<String, Double> given, SeriesHints hints) {
    return create(resolve(given), hints);
  }
}
