package io.citybrain.platform.access;

import java.util.Set;

/**
 * The ancestor test that scoped access needs, and nothing more: the jurisdiction tree (nation →
 * province → city → district) itself is kept by the governance registry ({@code gov_jurisdictions}).
 * Keeping access behind this interface lets a policy engine replace it (SPEC section 3).
 */
public interface Jurisdictions {
  /** The nation every installation starts with; existing and bundled data belong to it. */
  String ROOT = "CN";

  /** Whether {@code id} names a jurisdiction. */
  boolean exists(String id);

  /**
   * Whether {@code id} is {@code ancestorId} or below it; false when either is unknown.
   */
  boolean contains(String ancestorId, String id);

  /** {@code id} and every jurisdiction below it; empty when {@code id} is unknown. */
  Set<String> subtree(String id);
}
