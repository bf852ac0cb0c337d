package io.citybrain.traffic.network;

import java.util.List;

/**
 * A directed road from one intersection to another, drawn as a polyline, carrying one or more
 * lanes in its direction of travel.
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>attribute</th><th>unit</th><th>rule</th></tr>
 *   <tr><td>id</td><td>-</td><td>unique among roads</td></tr>
 *   <tr><td>startIntersectionId, endIntersectionId</td><td>-</td><td>ids of intersections</td></tr>
 *   <tr><td>points</td><td>m</td><td>at least 2, from start to end, centre line</td></tr>
 *   <tr><td>lanes</td><td>-</td><td>at least 1, index 0 innermost</td></tr>
 * </table>
 *
 * @param id road id
 * @param startIntersectionId intersection the road leaves
 * @param endIntersectionId intersection the road enters
 * @param points centre-line polyline, m
 * @param lanes lanes, innermost first
 */
public record Road(
    String id, String startIntersectionId, String endIntersectionId, List<Point> points, List<Lane> lanes) {

  public Road {
    points = List.copyOf(points);
    lanes = List.copyOf(lanes);
  }

  /** Length of the centre-line polyline, in m (before any trimming at intersections). */
  public double polylineLengthMeters() {
    double sum = 0;
    for (int i = 1; i < points.size(); i++) {
      sum += points.get(i - 1).distanceTo(points.get(i));
    }
    return sum;
  }

  /** CityFlow's lane id for lane {@code laneIndex} of this road: {@code <roadId>_<laneIndex>}. */
  public String laneId(int laneIndex) {
    return id + "_" + laneIndex;
  }
}
