package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.List;

/**
 * A regulator's decision on a filing for one jurisdiction and its subtree (SPEC section 5).
 *
 * @param id number given by the registry
 * @param filingId the filing decided on
 * @param jurisdictionId where it applies (with every jurisdiction below)
 * @param regulatorId the regulator organisation; the jurisdiction is inside its home subtree
 * @param status active, rejected, suspended or revoked
 * @param reason the regulator's reason for the decision
 * @param maxMode the most consequential mode it allows
 * @param assets the assets it covers (intersection or feeder ids); empty for all in the jurisdiction
 * @param validFrom start of validity
 * @param validUntil end of validity (exclusive): after it the approval has expired
 * @param decidedAt when the decision was recorded
 * @param decidedBy the actor who recorded it
 * @param statusChangedAt last status change
 * @param statusReason the reason of the last suspension or revocation, or null
 * @param contentSha256 SHA-256 of the canonical JSON of the decision (filing number, version
 *     digest, jurisdiction, regulator, mode, assets, validity), recorded in the audit log
 */
public record Approval(
    long id,
    long filingId,
    String jurisdictionId,
    String regulatorId,
    ApprovalStatus status,
    String reason,
    DeploymentMode maxMode,
    List<String> assets,
    Instant validFrom,
    Instant validUntil,
    Instant decidedAt,
    String decidedBy,
    Instant statusChangedAt,
    String statusReason,
    String contentSha256) {

  /** Whether it allows action at {@code t}: active and {@code validFrom <= t < validUntil}. */
  public boolean validAt(Instant t) {
    return status == ApprovalStatus.ACTIVE && !t.isBefore(validFrom) && t.isBefore(validUntil);
  }
}
