package io.citybrain.live.contract;

/**
 * Who decides a junction's phases now: the centre's commands, or the field controller's own
 * fixed plan (at start-up, and as the fallback when commands stop or expire).
 */
public enum ControlSource {
  CENTRAL("central"),
  LOCAL_PLAN("local-plan");

  private final String wire;

  ControlSource(String wire) {
    this.wire = wire;
  }

  /** The value in messages. */
  public String wire() {
    return wire;
  }

  /** The source for a message value. */
  public static ControlSource ofWire(String s) {
    for (ControlSource c : values()) {
      if (c.wire.equals(s)) {
        return c;
      }
    }
    throw new IllegalArgumentException("controlSource must be central or local-plan, got '" + s + "'");
  }
}
