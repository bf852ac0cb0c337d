package io.citybrain.live.control;

/**
 * How far a deployed controller may act on the city. A deployment starts in shadow, is checked,
 * and only then actuates; a governance approval (when the platform has one) is asked through
 * {@link ActuationGate} in every mode but shadow.
 */
public enum ActuationMode {
  /** Decide and record only: nothing leaves the centre. */
  SHADOW,
  /** Publish decisions as advice to operators (a separate topic); the field does not follow them. */
  ADVISORY,
  /** Publish decisions as commands to the field. */
  ACTUATING;

  /** The mode for a command-line or API value (shadow, advisory, actuating). */
  public static ActuationMode parse(String s) {
    for (ActuationMode m : values()) {
      if (m.name().equalsIgnoreCase(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException("actuation mode must be shadow, advisory or actuating; got '" + s + "'");
  }
}
