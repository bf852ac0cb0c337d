package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.Optional;

/**
 * An algorithm as its provider describes it (SPEC section 5). Descriptive fields may be missing
 * (null) while it is a draft; a filing requires them ({@link FilingRules}).
 *
 * @param id unique slug
 * @param registryName its provider's name in the one algorithm registry (e.g. {@code max-pressure})
 * @param domain the registry provider's domain id (e.g. {@code traffic-signal-control})
 * @param tradeName trade name (EU AI Act Annex VIII A.4), or null
 * @param algorithmType one of {@link AlgorithmType}'s labels, or null
 * @param intendedPurpose intended purpose (Annex VIII A.5), or null
 * @param outOfScopeUses uses it is not meant for, or null
 * @param publicSummary inputs and operating logic, publishable (Annex VIII A.6), or null
 * @param highRiskBasis why it is high risk (e.g. Annex III point 2), or null
 * @param providerId the providing organisation
 * @param technicalSupplierId the technical supplier (vendor), if any
 * @param createdAt created
 * @param createdBy the actor who created it
 * @param updatedAt last change of its described fields
 */
public record Algorithm(
    String id,
    String registryName,
    String domain,
    String tradeName,
    String algorithmType,
    String intendedPurpose,
    String outOfScopeUses,
    String publicSummary,
    String highRiskBasis,
    String providerId,
    Optional<String> technicalSupplierId,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {}
