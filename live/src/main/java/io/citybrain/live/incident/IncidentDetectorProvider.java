package io.citybrain.live.incident;

import io.citybrain.commons.algorithm.AlgorithmDomain;
import io.citybrain.commons.algorithm.AlgorithmProvider;
import io.citybrain.commons.algorithm.ParameterValues;

/**
 * An incident-detection algorithm: the {@link AlgorithmDomain#INCIDENT_DETECTION} domain of the one
 * algorithm registry, found by name through {@link IncidentDetectors}. Adding one means one provider
 * class and one line in {@code META-INF/services/io.citybrain.commons.algorithm.AlgorithmProvider}.
 */
public interface IncidentDetectorProvider extends AlgorithmProvider {

  @Override
  default AlgorithmDomain domain() {
    return AlgorithmDomain.INCIDENT_DETECTION;
  }

  /**
   * A fresh detector for one section.
   *
   * @param parameters resolved values ({@link #resolve})
   * @param section where the section's loops are
   */
  IncidentDetector create(ParameterValues parameters, SectionGeometry section);
}
