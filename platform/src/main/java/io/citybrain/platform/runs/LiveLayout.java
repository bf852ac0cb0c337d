package io.citybrain.platform.runs;

import io.citybrain.traffic.sim.SimNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * What the arrays of a {@link LiveFrame} are indexed by; sent once when a live stream opens.
 *
 * @param runId the run
 * @param scenarioId its scenario (fetch {@code /api/scenarios/{id}/map} for geometry in the same order)
 * @param totalSteps steps requested
 * @param laneIds lane ids, simulator order
 * @param intersectionIds intersection ids, simulator order (virtual ones included)
 */
public record LiveLayout(
    long runId, String scenarioId, int totalSteps, List<String> laneIds, List<String> intersectionIds) {

  /** The layout of {@code network}. */
  public static LiveLayout of(long runId, String scenarioId, int totalSteps, SimNetwork network) {
    List<String> lanes = new ArrayList<>(network.laneCount());
    for (int l = 0; l < network.laneCount(); l++) {
      lanes.add(network.laneId(l));
    }
    List<String> inters = new ArrayList<>(network.intersectionCount());
    for (int i = 0; i < network.intersectionCount(); i++) {
      inters.add(network.intersectionId(i));
    }
    return new LiveLayout(runId, scenarioId, totalSteps, List.copyOf(lanes), List.copyOf(inters));
  }
}
