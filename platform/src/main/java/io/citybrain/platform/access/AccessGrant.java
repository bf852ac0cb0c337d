package io.citybrain.platform.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A role for a principal within a jurisdiction and its subtree (SPEC section 5, AccessGrant).
 *
 * @param id grant id, from 1
 * @param principal who holds it: the name tokens are issued to ({@code api_tokens.principal})
 * @param role what it may do
 * @param jurisdictionId where: this jurisdiction and every one below it
 * @param grantedBy the actor who granted it ({@code cli:alice}, {@code migration})
 * @param validFrom from when it counts
 * @param validUntil until when it counts (exclusive); empty: no end
 * @param revokedAt when it was revoked, if it was
 */
public record AccessGrant(
    long id,
    String principal,
    Role role,
    String jurisdictionId,
    String grantedBy,
    Instant validFrom,
    Optional<Instant> validUntil,
    Optional<Instant> revokedAt) {

  public AccessGrant {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(jurisdictionId, "jurisdictionId");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /** Whether it counts at {@code now}: not revoked, and within its validity window. */
  public boolean activeAt(Instant now) {
    return revokedAt.isEmpty() && !now.isBefore(validFrom) && validUntil.map(now::isBefore).orElse(true);
  }

  /** {@code operator@360102}: how grants are shown. */
  public String label() {
    return role.apiName() + "@" + jurisdictionId;
  }
}
