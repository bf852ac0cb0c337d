package io.citybrain.live.incident;

import io.citybrain.commons.algorithm.AlgorithmDomain;
import io.citybrain.commons.algorithm.AlgorithmRegistry;
import io.citybrain.commons.algorithm.DomainAlgorithms;

/** The incident detectors of the one algorithm registry. */
public final class IncidentDetectors {
  private IncidentDetectors() {}

  /** The incident-detection domain of {@link AlgorithmRegistry#shared()}. */
  public static DomainAlgorithms<IncidentDetectorProvider> domain() {
    return AlgorithmRegistry.shared().domain(AlgorithmDomain.INCIDENT_DETECTION, IncidentDetectorProvider.class);
  }
}
