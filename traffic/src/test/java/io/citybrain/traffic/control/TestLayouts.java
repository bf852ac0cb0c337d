package io.citybrain.traffic.control;

import io.citybrain.traffic.network.RoadLinkType;
import java.util.List;

/** Small hand-built intersection layouts whose right phase can be worked out by hand. */
final class TestLayouts {
  private TestLayouts() {}

  /** Incoming lane from the west. */
  static final int WEST_IN = 0;
  /** Incoming lane from the south. */
  static final int SOUTH_IN = 1;
  /** Outgoing lane to the east. */
  static final int EAST_OUT = 2;
  /** Outgoing lane to the north. */
  static final int NORTH_OUT = 3;
  /** Incoming right-turn lane from the west (to the south). */
  static final int WEST_RIGHT_IN = 4;
  /** Outgoing lane to the south. */
  static final int SOUTH_OUT = 5;

  /** The all-red phase shown between greens. */
  static final int ALL_RED = 0;
  /** West to east green. */
  static final int WEST_EAST = 1;
  /** South to north green. */
  static final int SOUTH_NORTH = 2;

  /**
   * A crossing with two conflicting straight movements (0: W→E, lane 0 → 2; 1: S→N, lane 1 → 3)
   * and a right turn (2: W→S, lane 4 → 5) that is green in every phase, as in the research
   * datasets. Phases: 0 = right turn only (the transition), 1 = W→E + right, 2 = S→N + right.
   */
  static IntersectionLayout crossing() {
    Movement we = new Movement(0, RoadLinkType.GO_STRAIGHT, "r_w", "r_e", List.of(new LaneLinkLayout(WEST_IN, EAST_OUT)));
    Movement sn = new Movement(1, RoadLinkType.GO_STRAIGHT, "r_s", "r_n", List.of(new LaneLinkLayout(SOUTH_IN, NORTH_OUT)));
    Movement ws = new Movement(2, RoadLinkType.TURN_RIGHT, "r_w", "r_so", List.of(new LaneLinkLayout(WEST_RIGHT_IN, SOUTH_OUT)));
    return new IntersectionLayout(
        0,
        "C",
        List.of(we, sn, ws),
        List.of(
            new PhaseLayout(0, 5, List.of(2), true),
            new PhaseLayout(1, 30, List.of(0, 2), false),
            new PhaseLayout(2, 30, List.of(1, 2), false)),
        ALL_RED,
        List.of(WEST_EAST, SOUTH_NORTH),
        List.of(WEST_IN, SOUTH_IN, WEST_RIGHT_IN),
        List.of(EAST_OUT, NORTH_OUT, SOUTH_OUT));
  }

  /** A controller by name with the given parameters (defaults for the rest), initialised for {@code layout}. */
  static SignalController controller(String name, IntersectionLayout layout, Object... nameValue) {
    java.util.Map<String, Double> given = new java.util.LinkedHashMap<>();
    for (int k = 0; k < nameValue.length; k += 2) {
      given.put((String) nameValue[k], ((Number) nameValue[k + 1]).doubleValue());
    }
    SignalControllerProvider p = SignalControllers.require(name);
    SignalController c = p.create(p.resolve(given));
    c.init(List.of(layout));
    return c;
  }
}
