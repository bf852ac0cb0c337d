package io.citybrain.platform.gov;

/**
 * How a deployment acts, in increasing order of consequence: shadow (computes and logs, never
 * applies; allowed without approval), advisory (recommends to an operator), actuating (applies
 * its decisions to signals or generators). An approval allows modes up to its {@code maxMode}.
 */
public enum DeploymentMode {
  SHADOW,
  ADVISORY,
  ACTUATING;

  /** {@code shadow}, ... */
  public String label() {
    return Labelled.label(this);
  }
}
