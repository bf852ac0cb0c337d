package io.citybrain.platform.access;

/**
 * What a caller may do within a jurisdiction's subtree. Which roles hold which permission is
 * {@link Role#permissions()}; which permission each HTTP route needs is the route's scope rule
 * (docs/governance.md, "Access by jurisdiction").
 */
public enum Permission {
  /** Read scenarios, runs, dispatches, deployments and alerts of the subtree. */
  READ,
  /** Upload scenarios, start and cancel runs and dispatches, deploy, override and stop. */
  OPERATE,
  /** Approve, suspend and revoke algorithm versions for the subtree. */
  REGULATE,
  /** File algorithms and versions. */
  FILE,
  /** Read the audit log, its proofs and checkpoints. */
  AUDIT
}
