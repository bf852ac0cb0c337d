package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A filing of an algorithm version with the regulator (SPEC sections 1 and 5).
 *
 * @param id number given by the registry
 * @param filingNumber the public filing number, {@code CBF-<year>-<6 digits>}
 * @param versionId the version filed
 * @param filerId the organisation that filed
 * @param filerRole the filer's role in this filing: provider, technical-supplier or deployer
 * @param product the product or form of service it is used in
 * @param mainUse its main use, as published
 * @param disclosureText the text published about it
 * @param remarks published remarks, or null
 * @param status active, changed or cancelled
 * @param filedAt filed
 * @param changedAt when a change filing superseded it
 * @param cancelledAt when it was cancelled
 * @param cancelReason why it was cancelled, or null
 * @param supersedesId the filing this one changes, for a change filing
 * @param jurisdictionIds the jurisdictions it covers
 * @param filedBy the actor who filed it
 */
public record Filing(
    long id,
    String filingNumber,
    long versionId,
    String filerId,
    String filerRole,
    String product,
    String mainUse,
    String disclosureText,
    String remarks,
    FilingStatus status,
    Instant filedAt,
    Optional<Instant> changedAt,
    Optional<Instant> cancelledAt,
    String cancelReason,
    Optional<Long> supersedesId,
    List<String> jurisdictionIds,
    String filedBy) {}
