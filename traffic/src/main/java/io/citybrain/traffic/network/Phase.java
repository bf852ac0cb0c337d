package io.citybrain.traffic.network;

import java.util.List;

/**
 * One signal phase of an intersection: the set of road links with green.
 *
 * <p>Whether a phase is a transition (yellow/all-red) phase, which controllers do not choose, is
 * normally decided by content (its green road links are a subset of every other phase's, the
 * convention of the CityFlow research datasets). Formats that mark yellow explicitly (SUMO's
 * {@code tlLogic} states with {@code y}) set {@code yellow}: such a phase is a transition whatever
 * its content, since a yellow phase may keep a permissive movement green that another green phase
 * stops.
 *
 * @param timeSeconds the phase's duration in the roadnet's own plan, in s (CityFlow's
 *     {@code time}), &ge; 0
 * @param availableRoadLinks indices into the intersection's road links that have green
 * @param yellow true when the source declares the phase a yellow (transition) phase; false to
 *     decide by content
 */
public record Phase(double timeSeconds, List<Integer> availableRoadLinks, boolean yellow) {

  public Phase {
    availableRoadLinks = List.copyOf(availableRoadLinks);
  }

  /** A phase whose transition status is decided by content (CityFlow and CBEngine files). */
  public Phase(double timeSeconds, List<Integer> availableRoadLinks) {
    this(timeSeconds, availableRoadLinks, false);
  }
}
