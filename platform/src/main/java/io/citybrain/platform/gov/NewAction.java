package io.citybrain.platform.gov;

import java.time.Instant;

/**
 * An action to record.
 *
 * @param deploymentId a deployment in service
 * @param versionDigest the running artifact's digest: must equal the deployed version's
 * @param spanStart start of the span decided on
 * @param spanEnd end, not before the start
 * @param inputSha256 64 hex characters
 * @param outputJson the decision as JSON, up to 100,000 characters
 * @param applied true only for an actuating deployment whose approval is valid now
 * @param overrideRole operator or regulator when a person overrode the decision, else null
 * @param overrideReason required with an override role
 */
public record NewAction(
    Long deploymentId,
    String versionDigest,
    Instant spanStart,
    Instant spanEnd,
    String inputSha256,
    String outputJson,
    boolean applied,
    String overrideRole,
    String overrideReason) {}
