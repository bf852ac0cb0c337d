package io.citybrain.traffic.control;

import io.citybrain.traffic.network.RoadLinkType;
import java.util.List;

/**
 * A movement (road link) of an intersection as a controller sees it.
 *
 * @param index the road link's index within its intersection (what phases refer to)
 * @param type straight, left or right
 * @param startRoadId incoming road
 * @param endRoadId outgoing road
 * @param laneLinks its lane-level paths
 */
public record Movement(
    int index, RoadLinkType type, String startRoadId, String endRoadId, List<LaneLinkLayout> laneLinks) {

  public Movement {
    laneLinks = List.copyOf(laneLinks);
  }
}
