package io.citybrain.live.control;

/**
 * Whether a deployment may act on one junction now: the single question the control loop asks
 * before anything it decided leaves the centre (see {@link ActuationPolicy}). The platform's
 * governance (filings and approvals) answers it; without one, {@link #OPEN} allows everything the
 * mode allows.
 */
@FunctionalInterface
public interface ActuationGate {
  /** Allows every junction. */
  ActuationGate OPEN = (deployment, intersectionId) -> true;

  /**
   * @param deployment the deployment's name (controller and version, e.g. {@code max-pressure@1.0})
   * @param intersectionId the junction
   * @return true when the deployment may act on it
   */
  boolean mayActuate(String deployment, String intersectionId);
}
