package io.citybrain.platform.gov;

/** A deployment is in service, stopped (by its deployer) or recalled (by a regulator). */
public enum DeploymentStatus {
  IN_SERVICE,
  STOPPED,
  RECALLED;

  /** {@code in-service}, ... */
  public String label() {
    return Labelled.label(this);
  }
}
