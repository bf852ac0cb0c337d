package io.citybrain.platform.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Something to record in the audit log.
 *
 * @param actor who did it: {@code token:<name>} for API callers, {@code cli:<user>} for the
 *     command line, {@code system} for the server itself
 * @param action what was done, dotted: {@code scenario.upload}, {@code run.start}, {@code
 *     run.cancel}, {@code run.finish}, {@code run.interrupted}, {@code token.create}, ...
 * @param target what it was done to: {@code run/12}, {@code scenario/u-0123abcd4567}, {@code token/alice}
 * @param controller the signal controller's name, when the action concerns a run
 * @param controllerVersion the controller's version, when the action concerns a run
 * @param details a short free text (parameters, outcome), may be empty
 */
public record AuditEvent(
    String actor,
    String action,
    String target,
    Optional<String> controller,
    Optional<String> controllerVersion,
    String details) {

  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(details, "details");
  }

  /** An event that does not concern a controller. */
  public static AuditEvent of(String actor, String action, String target, String details) {
    return new AuditEvent(actor, action, target, Optional.empty(), Optional.empty(), details);
  }

  /** An event about a run of a controller. */
  public static AuditEvent ofRun(
      String actor, String action, long runId, String controller, String controllerVersion, String details) {
    return new AuditEvent(
        actor, action, "run/" + runId, Optional.of(controller), Optional.of(controllerVersion), details);
  }
}
