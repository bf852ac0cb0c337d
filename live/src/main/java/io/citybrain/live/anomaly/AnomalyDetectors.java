package io.citybrain.live.anomaly;

import io.citybrain.commons.algorithm.AlgorithmDomain;
import io.citybrain.commons.algorithm.AlgorithmRegistry;
import io.citybrain.commons.algorithm.DomainAlgorithms;
import java.util.List;

/**
 * The anomaly detectors, by name: the typed view of the anomaly-detection domain of the one
 * algorithm registry (not a registry of its own).
 */
public final class AnomalyDetectors {
  private AnomalyDetectors() {}

  /** The anomaly-detection domain of {@link AlgorithmRegistry#shared()}. */
  public static DomainAlgorithms<AnomalyDetectorProvider> domain() {
    return AlgorithmRegistry.shared().domain(AlgorithmDomain.ANOMALY_DETECTION, AnomalyDetectorProvider.class);
  }

  /** Every detector, in registration order. */
  public static List<AnomalyDetectorProvider> all() {
    return domain().all();
  }

  /**
   * The detector called {@code name}.
   *
   * @throws IllegalArgumentException if none is, listing the known names
   */
  public static AnomalyDetectorProvider byName(String name) {
    return domain().require(name);
  }
}
