package io.citybrain.traffic.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Lane and lane-link geometry derived from a road network, following CityFlow's conventions
 * (roadnet.cpp, commit 81ee0f4) so that lane lengths, and therefore travel times, agree:
 *
 * <ul>
 *   <li>A road's centre line is first shortened at each end that touches a non-virtual
 *       intersection by that intersection's width.
 *   <li>Lane {@code k}'s centre line is the shortened road line offset to the right by the widths
 *       of lanes 0..k-1 plus half its own width; at interior vertices the offset follows the
 *       bisector of the two adjacent segment directions.
 *   <li>A lane link without points gets an 11-point cubic Bézier curve from the end of its start
 *       lane to the start of its end lane, with control points half the chord length (at least 5
 *       m) along the lane directions.
 * </ul>
 *
 * All lengths in m.
 */
public final class Geometry {
  private Geometry() {}

  /**
   * The centre-line polyline of one lane, after trimming at non-virtual intersections.
   *
   * @param network the network holding {@code road}'s intersections
   * @param road the road
   * @param laneIndex 0..lanes-1
   * @return at least two points, m
   */
  public static List<Point> lanePolyline(RoadNetwork network, Road road, int laneIndex) {
    List<Point> pts = new ArrayList<>(road.points());
    Intersection start = network.intersection(road.startIntersectionId()).orElseThrow();
    Intersection end = network.intersection(road.endIntersectionId()).orElseThrow();
    if (!start.virtual()) {
      Point p1 = pts.get(0);
      Point p2 = pts.get(1);
      pts.set(0, add(p1, scale(unit(sub(p2, p1)), start.widthMeters())));
    }
    if (!end.virtual()) {
      int n = pts.size();
      Point p1 = pts.get(n - 2);
      Point p2 = pts.get(n - 1);
      pts.set(n - 1, sub(p2, scale(unit(sub(p2, p1)), end.widthMeters())));
    }
    double inner = 0;
    for (int k = 0; k < laneIndex; k++) {
      inner += road.lanes().get(k).widthMeters();
    }
    double offset = inner + road.lanes().get(laneIndex).widthMeters() / 2.0;
    List<Point> lane = new ArrayList<>(pts.size());
    int n = pts.size();
    for (int j = 0; j < n; j++) {
      Point u;
      if (j == 0) {
        u = unit(sub(pts.get(1), pts.get(0)));
      } else if (j == n - 1) {
        u = unit(sub(pts.get(j), pts.get(j - 1)));
      } else {
        Point u1 = unit(sub(pts.get(j + 1), pts.get(j)));
        Point u2 = unit(sub(pts.get(j), pts.get(j - 1)));
        u = unit(add(u1, u2));
      }
      // right-hand normal of direction u = (u.y, -u.x)
      Point right = new Point(u.y(), -u.x());
      lane.add(add(pts.get(j), scale(right, offset)));
    }
    return lane;
  }

  /**
   * Length of lane {@code laneIndex} of {@code road} for the simulation, m: the road's declared
   * length when it has one, else the length of the lane's polyline after trimming.
   */
  public static double laneLengthMeters(RoadNetwork network, Road road, int laneIndex) {
    if (road.hasDeclaredLength()) {
      return road.lengthMeters();
    }
    return polylineLength(lanePolyline(network, road, laneIndex));
  }

  /** Mean lane length of {@code road}, m: CityFlow's edge cost for shortest-path routing. */
  public static double averageLaneLengthMeters(RoadNetwork network, Road road) {
    double sum = 0;
    for (int k = 0; k < road.lanes().size(); k++) {
      sum += laneLengthMeters(network, road, k);
    }
    return road.lanes().isEmpty() ? 0 : sum / road.lanes().size();
  }

  /**
   * The polyline of a lane link: the file's points when given, else CityFlow's synthesised
   * 11-point cubic Bézier curve.
   *
   * @param network the network
   * @param intersection the intersection the link crosses
   * @param roadLink the road link holding {@code laneLink}
   * @param laneLink the lane link
   * @return at least two points, m
   */
  public static List<Point> laneLinkPolyline(
      RoadNetwork network, Intersection intersection, RoadLink roadLink, LaneLink laneLink) {
    if (laneLink.points().size() >= 2) {
      return laneLink.points();
    }
    Road startRoad = network.road(roadLink.startRoadId()).orElseThrow();
    Road endRoad = network.road(roadLink.endRoadId()).orElseThrow();
    List<Point> startLane = lanePolyline(network, startRoad, laneLink.startLaneIndex());
    List<Point> endLane = lanePolyline(network, endRoad, laneLink.endLaneIndex());
    // CityFlow measures the curve's ends on the trimmed lanes; with the lane already trimmed by
    // the intersection width, its end (start) point is the stop line (entry line).
    Point start = startLane.get(startLane.size() - 1);
    Point end = endLane.get(0);
    Point startDir = unit(sub(startLane.get(startLane.size() - 1), startLane.get(startLane.size() - 2)));
    Point endDir = unit(sub(endLane.get(1), endLane.get(0)));
    double len = start.distanceTo(end);
    Point gap1 = scale(startDir, len * 0.5);
    Point gap2 = scale(endDir, -len * 0.5);
    double minGap = 5;
    if (norm2(gap1) < 25 && intersection.widthMeters() >= 5) {
      gap1 = scale(startDir, minGap);
    }
    if (norm2(gap2) < 25 && intersection.widthMeters() >= 5) {
      gap2 = scale(endDir, minGap);
    }
    Point mid1 = add(start, gap1);
    Point mid2 = add(end, gap2);
    int numPoints = 10;
    List<Point> out = new ArrayList<>(numPoints + 1);
    for (int i = 0; i <= numPoints; i++) {
      double a = i / (double) numPoints;
      Point p1 = lerp(start, mid1, a);
      Point p2 = lerp(mid1, mid2, a);
      Point p3 = lerp(mid2, end, a);
      Point p4 = lerp(p1, p2, a);
      Point p5 = lerp(p2, p3, a);
      out.add(lerp(p4, p5, a));
    }
    return out;
  }

  /** Length of a polyline, m. */
  public static double polylineLength(List<Point> points) {
    double sum = 0;
    for (int i = 1; i < points.size(); i++) {
      sum += points.get(i - 1).distanceTo(points.get(i));
    }
    return sum;
  }

  static Point add(Point a, Point b) {
    return new Point(a.x() + b.x(), a.y() + b.y());
  }

  static Point sub(Point a, Point b) {
    return new Point(a.x() - b.x(), a.y() - b.y());
  }

  static Point scale(Point a, double s) {
    return new Point(a.x() * s, a.y() * s);
  }

  static double norm2(Point a) {
    return a.x() * a.x() + a.y() * a.y();
  }

  static Point unit(Point a) {
    double n = Math.sqrt(norm2(a));
    return n == 0 ? new Point(0, 0) : new Point(a.x() / n, a.y() / n);
  }

  static Point lerp(Point a, Point b, double t) {
    return new Point((b.x() - a.x()) * t + a.x(), (b.y() - a.y()) * t + a.y());
  }
}
