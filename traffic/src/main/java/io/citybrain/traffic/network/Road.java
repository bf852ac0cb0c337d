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
 *   <tr><td>lengthMeters</td><td>m</td><td>&gt; 0, or NaN (the default) to take lane lengths from the
 *     geometry</td></tr>
 * </table>
 *
 * <p>A declared length is what formats that give road lengths independently of their drawing
 * (the City Brain Challenge's CBEngine text format) need: lanes are then that long for the
 * simulation, whatever the polyline's length; the polyline is only drawn.
 *
 * @param id road id
 * @param startIntersectionId intersection the road leaves
 * @param endIntersectionId intersection the road enters
 * @param points centre-line polyline, m
 * @param lanes lanes, innermost first
 * @param lengthMeters declared lane length, m, or NaN
 */
public record Road(
    String id,
    String startIntersectionId,
    String endIntersectionId,
    List<Point> points,
    List<Lane> lanes,
    double lengthMeters) {

  public Road {
    points = List.copyOf(points);
    lanes = List.copyOf(lanes);
  }

  /** A road whose lane lengths come from its geometry (CityFlow files). */
  public Road(
      String id, String startIntersectionId, String endIntersectionId, List<Point> points, List<Lane> lanes) {
    this(id, startIntersectionId, endIntersectionId, points, lanes, Double.NaN);
  }

  /** True when the road declares its length rather than deriving it from geometry. */
  public boolean hasDeclaredLength() {
    return !Double.isNaN(lengthMeters);
  }

  @Override
  public boolean equals(Object o) {
    // NaN-aware: two roads without a declared length are equal in that respect
    return o instanceof Road r
        && id.equals(r.id)
        && startIntersectionId.equals(r.startIntersectionId)
        && endIntersectionId.equals(r.endIntersectionId)
        && points.equals(r.points)
        && lanes.equals(r.lanes)
        && Double.compare(lengthMeters, r.lengthMeters) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(id, startIntersectionId, endIntersectionId, points, lanes, Double.hashCode(lengthMeters));
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
