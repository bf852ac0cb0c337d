package io.citybrain.live.control;

/**
 * The one place where the live loop decides what becomes of a decision: a command to the field,
 * advice to operators, or a record only. Combines the deployment's {@link ActuationMode} with the
 * {@link ActuationGate}: a decision is a command only when the mode is actuating <em>and</em> the
 * gate allows it; advice when the mode is advisory, or actuating but the gate refuses (operators
 * still see what the algorithm would do); a record otherwise.
 */
public final class ActuationPolicy {
  /** What becomes of a decision. */
  public enum Route {
    COMMAND,
    ADVICE,
    RECORD_ONLY
  }

  private final ActuationMode mode;
  private final ActuationGate gate;
  private final String deployment;

  public ActuationPolicy(ActuationMode mode, ActuationGate gate, String deployment) {
    this.mode = mode;
    this.gate = gate;
    this.deployment = deployment;
  }

  /** The route of a decision for {@code intersectionId}. */
  public Route route(String intersectionId) {
    return switch (mode) {
      case SHADOW -> Route.RECORD_ONLY;
      case ADVISORY -> gate.mayActuate(deployment, intersectionId) ? Route.ADVICE : Route.RECORD_ONLY;
      case ACTUATING -> gate.mayActuate(deployment, intersectionId) ? Route.COMMAND : Route.ADVICE;
    };
  }

  /** The mode. */
  public ActuationMode mode() {
    return mode;
  }

  /** The deployment's name. */
  public String deployment() {
    return deployment;
  }
}
