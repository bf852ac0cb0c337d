package io.citybrain.grid.network;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * MATPOWER bus type (column {@code BUS_TYPE} of {@code mpc.bus}; MATPOWER manual, Table B-1).
 */
public enum BusType {
  /** 1: load bus, P and Q given. */
  PQ(1),
  /** 2: generator bus, P and voltage magnitude given. */
  PV(2),
  /** 3: reference (slack) bus, voltage angle and magnitude given. */
  REFERENCE(3),
  /** 4: isolated bus, out of service with everything connected to it. */
  ISOLATED(4);

  private final int code;

  BusType(int code) {
    this.code = code;
  }

  /** MATPOWER's numeric code, 1..4. */
  public int code() {
    return code;
  }

  /**
   * The type for a MATPOWER code.
   *
   * @param code 1, 2, 3 or 4
   * @throws IllegalArgumentException for any other code, listing the allowed ones
   */
  public static BusType fromCode(int code) {
    for (BusType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "bus type "
            + code
            + " is not one of "
            + Arrays.stream(values()).map(t -> t.code + " (" + t + ")").collect(Collectors.joining(", ")));
  }
}
