package io.citybrain.platform.storage;

import java.time.Instant;

/**
 * An uploaded scenario's description (its files are fetched apart, see {@link
 * ScenarioStore#files}).
 *
 * @param id scenario id, {@code u-} and 12 hex digits of the files' combined hash
 * @param name display name given at upload
 * @param roadnetFileName the roadnet's file name as uploaded
 * @param flowFileName the flow's file name as uploaded
 * @param roadnetSha256 SHA-256 of the roadnet bytes, hex
 * @param flowSha256 SHA-256 of the flow bytes, hex
 * @param intersections intersections, virtual ones included
 * @param signalizedIntersections intersections with a signal
 * @param roads roads
 * @param flows flows in the flow file
 * @param createdAt upload time
 * @param createdBy who uploaded it
 * @param jurisdictionId the jurisdiction it belongs to (governance: who may read and run it)
 */
public record StoredScenario(
    String id,
    String name,
    String roadnetFileName,
    String flowFileName,
    String roadnetSha256,
    String flowSha256,
    int intersections,
    int signalizedIntersections,
    int roads,
    int flows,
    Instant createdAt,
    String createdBy,
    String jurisdictionId) {}
