package io.citybrain.traffic.network;

import java.util.List;

/**
 * A drivable path through an intersection from one lane of a road link's start road to one lane of
 * its end road.
 *
 * @param startLaneIndex index of the lane on the start road, 0..lanes-1
 * @param endLaneIndex index of the lane on the end road, 0..lanes-1
 * @param points the path's polyline in m; empty when the file gives none, in which case the
 *     simulator synthesises CityFlow's cubic Bézier curve between the two lane ends
 */
public record LaneLink(int startLaneIndex, int endLaneIndex, List<Point> points) {

  public LaneLink {
    points = List.copyOf(points);
  }
}
