package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.Optional;

/**
 * A dataset a version was built, tuned or evaluated on (SPEC sections 4 and 5).
 *
 * @param id unique slug
 * @param name its name
 * @param source where it comes from (publisher, URL, licence)
 * @param datasheet what it holds: fields, aggregation interval, coverage
 * @param personalData always false: citybrain refuses datasets with personal data
 * @param kMin the smallest number of contributors of any published cell (k-anonymity)
 * @param epsilon the differential-privacy budget when noise was added, else empty
 * @param retentionDays how long it is kept
 * @param createdAt registered
 * @param createdBy the actor who registered it
 */
public record Dataset(
    String id,
    String name,
    String source,
    String datasheet,
    boolean personalData,
    int kMin,
    Optional<Double> epsilon,
    int retentionDays,
    Instant createdAt,
    String createdBy) {}
