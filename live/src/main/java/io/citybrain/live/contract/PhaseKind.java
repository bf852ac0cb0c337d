package io.citybrain.live.contract;

/** What a shown phase is: a green a controller may choose, or the yellow change between greens. */
public enum PhaseKind {
  GREEN("green"),
  YELLOW("yellow");

  private final String wire;

  PhaseKind(String wire) {
    this.wire = wire;
  }

  /** The value in messages. */
  public String wire() {
    return wire;
  }

  /** The kind for a message value (the schema has already checked it). */
  public static PhaseKind ofWire(String s) {
    for (PhaseKind k : values()) {
      if (k.wire.equals(s)) {
        return k;
      }
    }
    throw new IllegalArgumentException("phaseKind must be green or yellow, got '" + s + "'");
  }
}
