package io.citybrain.traffic.network;

import java.util.List;

/**
 * One signal phase of an intersection: the set of road links with green.
 *
 * @param timeSeconds the phase's duration in the roadnet's own plan, in s (CityFlow's
 *     {@code time}), &ge; 0
 * @param availableRoadLinks indices into the intersection's road links that have green
 */
public record Phase(double timeSeconds, List<Integer> availableRoadLinks) {

  public Phase {
    availableRoadLinks = List.copyOf(availableRoadLinks);
  }
}
