package io.citybrain.live.anomaly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A kind of anomaly detector, found by name ({@link AnomalyDetectors}): its identity, declared
 * parameters and a factory of one detector per series. Providers are stateless.
 */
public interface AnomalyDetectorProvider {
  /** The name users give ({@code --detector NAME}), e.g. {@code windowed-gaussian}. */
  String name();

  /** The implementation version; it changes whenever the scores of some input change. */
  String version();

  /** One line: what it does and where it comes from (paper, published entry). */
  String description();

  /** Its declared parameters, defaults being the one global parameter set. */
  List<DetectorParameter> parameters();

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
   * @param parameters values for some declared parameters (the rest take their defaults)
   * @param hints the series' hints; null outside the NAB harness
   * @throws IllegalArgumentException for an unknown parameter, a value out of range, or missing
   *     hints for a detector that {@link #usesSeriesHints() uses them}
   */
  AnomalyDetector create(Map<String, Double> parameters, SeriesHints hints);

  /**
   * The full parameter set: declared defaults overridden by {@code given}, each value checked.
   *
   * @throws IllegalArgumentException naming an unknown parameter (with the declared ones) or a
   *     value out of range
   */
  default Map<String, Double> resolve(Map<String, Double> given) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (DetectorParameter p : parameters()) {
      out.put(p.name(), p.check(given.getOrDefault(p.name(), p.defaultValue())));
    }
    for (String name : given.keySet()) {
      if (!out.containsKey(name)) {
        throw new IllegalArgumentException("detector " + name() + " has no parameter '" + name + "'; its parameters: "
            + parameters().stream().map(DetectorParameter::name).collect(Collectors.joining(", ")));
      }
    }
    return out;
  }
}
