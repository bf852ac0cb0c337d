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
 * @param maxSpeedMetersPerSecond the path's speed limit in m/s (SUMO's internal lanes carry one),
 *     or NaN for none: then, as in CityFlow, the path is unlimited and vehicles approach turns at
 *     the fixed turn speed
 */
public record LaneLink(int startLaneIndex, int endLaneIndex, List<Point> points, double maxSpeedMetersPerSecond) {

  public LaneLink {
    points = List.copyOf(points);
  }

  /** A lane link without a speed limit (CityFlow and CBEngine files). */
  public LaneLink(int startLaneIndex, int endLaneIndex, List<Point> points) {
    this(startLaneIndex, endLaneIndex, points, Double.NaN);
  }

  /** True when the path declares a speed limit. */
  public boolean hasSpeedLimit() {
    return !Double.isNaN(maxSpeedMetersPerSecond);
  }
}
