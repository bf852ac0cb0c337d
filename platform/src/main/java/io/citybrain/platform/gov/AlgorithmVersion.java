package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of an algorithm: exactly what runs (SPEC section 5).
 *
 * @param id number given by the registry
 * @param algorithmId the algorithm
 * @param version the provider's version string (from the algorithm registry)
 * @param artifactSha256 the artifact digest of the code classes and these parameter values
 *     (commons {@code ArtifactDigest}), 64 hex characters
 * @param codeSha256 the digest of the code alone
 * @param parameters every declared parameter's value, declaration order
 * @param modelCard what it does, how it was evaluated, its limits; or null
 * @param selfAssessment the provider's self-assessment report (CAC provisions art. 24); or null
 * @param oversight how people override and stop it and its safe fallback (EU AI Act art. 14); or null
 * @param datasetIds datasets it was built, tuned or evaluated on
 * @param createdAt registered
 * @param createdBy the actor who registered it
 */
public record AlgorithmVersion(
    long id,
    String algorithmId,
    String version,
    String artifactSha256,
    String codeSha256,
    Map<String, Double> parameters,
    String modelCard,
    String selfAssessment,
    String oversight,
    List<String> datasetIds,
    Instant createdAt,
    String createdBy) {}
