package io.citybrain.live.contract;

/**
 * Where in the distribution network a meter sits. Only aggregate levels exist: a household or
 * customer meter is refused by design (its readings describe a person's life).
 */
public enum MeterLevel {
  FEEDER("feeder"),
  TRANSFORMER("transformer");

  private final String wire;

  MeterLevel(String wire) {
    this.wire = wire;
  }

  /** The value in messages. */
  public String wire() {
    return wire;
  }

  /** The level for a message value. */
  public static MeterLevel ofWire(String s) {
    for (MeterLevel l : values()) {
      if (l.wire.equals(s)) {
        return l;
      }
    }
    throw new IllegalArgumentException("level must be feeder or transformer, got '" + s + "'");
  }
}
