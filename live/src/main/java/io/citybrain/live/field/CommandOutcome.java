package io.citybrain.live.field;

/** What a field controller did with a command: applied, or refused for a stated reason. */
public enum CommandOutcome {
  /** Applied (at once, or queued for its decision point). */
  ACCEPTED,
  /** Arrived after its expiry. */
  EXPIRED,
  /** Not newer than the last command applied (a repeat or a reordered old one). */
  STALE_SEQUENCE,
  /** Named a phase that is not one of the junction's greens (yellow changes are the controller's own). */
  NOT_A_GREEN,
  /** Would end the green shown before its minimum green. */
  MIN_GREEN,
  /** For a junction this field does not run. */
  UNKNOWN_INTERSECTION
}
