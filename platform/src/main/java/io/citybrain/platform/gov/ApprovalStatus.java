package io.citybrain.platform.gov;

/**
 * An approval decision's state: active (approved, may be expired: see {@code validUntil}),
 * rejected (the regulator refused), suspended (temporarily not valid), revoked (no longer valid).
 */
public enum ApprovalStatus {
  ACTIVE,
  REJECTED,
  SUSPENDED,
  REVOKED;

  /** {@code active}, ... */
  public String label() {
    return Labelled.label(this);
  }
}
