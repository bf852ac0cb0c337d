package io.citybrain.traffic.network;

import java.util.List;

/**
 * A movement through an intersection from one road to another (straight, left or right); traffic
 * light phases enable whole road links. It groups the lane links that make the movement.
 *
 * @param type the movement
 * @param startRoadId the incoming road (its end intersection is this intersection)
 * @param endRoadId the outgoing road (its start intersection is this intersection)
 * @param laneLinks the lane-level paths, at least one
 */
public record RoadLink(RoadLinkType type, String startRoadId, String endRoadId, List<LaneLink> laneLinks) {

  public RoadLink {
    laneLinks = List.copyOf(laneLinks);
  }
}
