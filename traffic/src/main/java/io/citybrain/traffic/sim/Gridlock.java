package io.citybrain.traffic.sim;

import java.util.List;

/**
 * A ring of lanes whose first vehicles each wait for space on the next lane of the ring: nobody
 * in it can move until something outside the ring changes, which under fixed demand rarely
 * happens.
 *
 * @param detectedAtSeconds simulated time when the ring was first seen, s
 * @param confirmedAtSeconds time when it had lasted long enough to be reported, s
 * @param laneIds the lanes of the ring, in wait-for order where known
 * @param intersectionIds intersections the ring passes through
 * @param vehicles vehicles on the ring's lanes when it was confirmed
 */
public record Gridlock(
    double detectedAtSeconds,
    double confirmedAtSeconds,
    List<String> laneIds,
    List<String> intersectionIds,
    int vehicles) {

  public Gridlock {
    laneIds = List.copyOf(laneIds);
    intersectionIds = List.copyOf(intersectionIds);
  }
}
