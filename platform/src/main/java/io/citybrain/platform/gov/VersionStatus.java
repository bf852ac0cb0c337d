package io.citybrain.platform.gov;

/**
 * A version's status (SPEC section 5), derived from its filings and approvals at a moment, in this
 * order of precedence: approved (an active, unexpired approval of a filing in force), suspended (an
 * approval suspended), rejected (approvals rejected or revoked), submitted (a filing in force),
 * withdrawn (its filings cancelled), draft (never filed).
 */
public enum VersionStatus {
  DRAFT,
  SUBMITTED,
  APPROVED,
  REJECTED,
  SUSPENDED,
  WITHDRAWN;

  /** {@code draft}, ... */
  public String label() {
    return Labelled.label(this);
  }
}
