package io.citybrain.traffic.control;

import java.util.List;

/**
 * One signal phase as a controller sees it.
 *
 * @param index phase index in the roadnet
 * @param timeSeconds the roadnet plan's duration for it, s
 * @param greenMovements indices of the movements with green
 * @param transition true for a yellow/all-red phase (its green movements are a subset of every
 *     other phase's, e.g. right turns only); controllers choose among the other phases
 */
public record PhaseLayout(int index, double timeSeconds, List<Integer> greenMovements, boolean transition) {

  public PhaseLayout {
    greenMovements = List.copyOf(greenMovements);
  }
}
