package io.citybrain.platform.gov;

import java.util.List;
import java.util.Map;

/**
 * A version to register; its digest is computed, never given.
 *
 * @param algorithmId an existing algorithm
 * @param parameters parameter values by name (missing ones take their defaults), checked against
 *     the registry provider's declared ranges
 * @param datasets ids of registered datasets (may be empty)
 * @param modelCard up to 4000 characters, or null
 * @param selfAssessment up to 4000 characters, or null
 * @param oversight up to 2000 characters, or null
 */
public record NewVersion(
    String algorithmId, Map<String, Double> parameters, List<String> datasets, String modelCard, String selfAssessment, String oversight) {}
