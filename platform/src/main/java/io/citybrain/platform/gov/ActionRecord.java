package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.Optional;

/**
 * What a deployment decided over a span of time (SPEC section 5): aggregates only go in (their
 * digest is kept), the output, whether it was applied, and a human override.
 *
 * @param id number given by the registry
 * @param deploymentId the deployment
 * @param versionDigest the artifact digest of the code that decided: equal to the version's
 * @param spanStart start of the span decided on
 * @param spanEnd end of the span
 * @param inputSha256 SHA-256 of the aggregated inputs
 * @param outputJson the decision as JSON
 * @param applied whether it was applied to the assets
 * @param overrideRole the role of the person who overrode it (operator, regulator), if any
 * @param overrideReason their reason, when overridden
 * @param recordedAt recorded
 */
public record ActionRecord(
    long id,
    long deploymentId,
    String versionDigest,
    Instant spanStart,
    Instant spanEnd,
    String inputSha256,
    String outputJson,
    boolean applied,
    Optional<String> overrideRole,
    String overrideReason,
    Instant recordedAt) {}
