package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.List;

/**
 * A regulator's decision to record.
 *
 * @param filingId an active filing
 * @param jurisdiction inside one of the filing's jurisdictions and inside the regulator's subtree
 * @param regulator an organisation with role regulator
 * @param decision {@code approve} or {@code reject}
 * @param reason 1 to 1000 characters
 * @param maxMode shadow, advisory or actuating (default actuating)
 * @param assets asset ids it is limited to, or empty/null for all
 * @param validFrom start of validity (default: now)
 * @param validUntil end of validity, after {@code validFrom}; required for an approval
 */
public record NewApproval(
    Long filingId,
    String jurisdiction,
    String regulator,
    String decision,
    String reason,
    String maxMode,
    List<String> assets,
    Instant validFrom,
    Instant validUntil) {}
