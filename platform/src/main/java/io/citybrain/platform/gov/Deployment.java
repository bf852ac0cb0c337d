package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A version running on a jurisdiction's assets (SPEC section 5).
 *
 * @param id number given by the registry
 * @param versionId the version that runs
 * @param approvalId the approval it relies on (none for shadow mode)
 * @param deployerId the deploying organisation
 * @param jurisdictionId where it runs
 * @param assets the intersections or feeders it acts on; empty for all in the jurisdiction
 * @param mode shadow, advisory or actuating
 * @param status in-service, stopped or recalled
 * @param startedAt put in service
 * @param stoppedAt stopped or recalled
 * @param stopReason why, or null
 * @param createdBy the actor who deployed it
 */
public record Deployment(
    long id,
    long versionId,
    Optional<Long> approvalId,
    String deployerId,
    String jurisdictionId,
    List<String> assets,
    DeploymentMode mode,
    DeploymentStatus status,
    Instant startedAt,
    Optional<Instant> stoppedAt,
    String stopReason,
    String createdBy) {}
