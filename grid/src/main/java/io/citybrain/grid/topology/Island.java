package io.citybrain.grid.topology;

import java.util.List;

/**
 * A connected set of in-service buses (through in-service branches).
 *
 * @param buses indices (into {@code PowerNetwork.buses()}) of the island's buses, in file order
 * @param angleReferenceBus index of the bus whose voltage angle is fixed (DC and AC models)
 * @param slackBus index of the bus whose generators balance the island in AC power flow, or -1
 *     when the island has no in-service generator
 */
public record Island(List<Integer> buses, int angleReferenceBus, int slackBus) {
  /** Copies the bus list. */
  public Island {
    buses = List.copyOf(buses);
  }
}
