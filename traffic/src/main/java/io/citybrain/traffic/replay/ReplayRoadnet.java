package io.citybrain.traffic.replay;

import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Lane;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replay roadnet: the form of a road network that CityFlow's replay viewer draws (CityFlow
 * {@code RoadNet::convertToJson}, written to the config's {@code roadnetLogFile}). It is not the
 * input roadnet: its single top-level key is {@code static}.
 *
 * <pre>
 * {"static": {
 *    "nodes": [{"id", "point": [x, y], "virtual": bool, "width" (non-virtual only), "outline": [x0, y0, x1, y1, ...]}],
 *    "edges": [{"id", "from", "to", "points": [[x, y], ...], "nLane", "laneWidths": [m, ...]}]}}
 * </pre>
 *
 * <p>Coordinates and widths in m, as in the input roadnet. The outline of a node is the convex hull
 * of its centre and of the road ends around it, as CityFlow computes it.
 */
public final class ReplayRoadnet {
  /** The top-level key that tells a replay roadnet from an input roadnet. */
  public static final String STATIC = "static";

  private ReplayRoadnet() {}

  /**
   * Tells whether a parsed JSON file is a replay roadnet, for viewers that must not draw an empty
   * canvas when given the wrong file (case C03).
   *
   * @param root the file's top-level JSON value, as plain maps and lists (Jackson's {@code Map}
   *     reading) or anything else
   * @return empty when {@code root} is a replay roadnet, otherwise a message saying what the file
   *     is and which file is needed
   */
  public static Optional<String> wrongFileType(Object root) {
    if (root instanceof Map<?, ?> m && m.get(STATIC) instanceof Map<?, ?> body
        && body.get("nodes") instanceof List<?> && body.get("edges") instanceof List<?>) {
      return Optional.empty();
    }
    if (root instanceof Map<?, ?> m && m.containsKey("intersections") && m.containsKey("roads")) {
      return Optional.of(
          "wrong file type: this is a CityFlow input roadnet (roadnetFile, with 'intersections' and 'roads'); "
              + "the replay viewer needs the replay roadnet a run writes (roadnetLogFile, with a top-level 'static' object)");
    }
    return Optional.of(
        "wrong file type: not a replay roadnet; expected a JSON object {\"static\": {\"nodes\": [...], \"edges\": [...]}} "
            + "as written to roadnetLogFile");
  }

  /**
   * Builds the replay roadnet of {@code network} as JSON-ready maps and lists.
   *
   * @return {@code {"static": {"nodes": [...], "edges": [...]}}}
   */
  public static Map<String, Object> of(RoadNetwork network) {
    Map<String, Intersection> byId = new HashMap<>();
    for (Intersection in : network.intersections()) {
      byId.put(in.id(), in);
    }
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (Intersection in : network.intersections()) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("id", in.id());
      node.put("point", List.of(in.point().x(), in.point().y()));
      node.put("virtual", in.virtual());
      if (!in.virtual()) {
        node.put("width", in.widthMeters());
      }
      List<Double> outline = new ArrayList<>();
      for (Point p : outline(in, network, byId)) {
        outline.add(p.x());
        outline.add(p.y());
      }
      node.put("outline", outline);
      nodes.add(node);
    }
    List<Map<String, Object>> edges = new ArrayList<>();
    for (Road road : network.roads()) {
      Map<String, Object> edge = new LinkedHashMap<>();
      edge.put("id", road.id());
      edge.put("from", road.startIntersectionId());
      edge.put("to", road.endIntersectionId());
      List<List<Double>> points = new ArrayList<>();
      for (Point p : road.points()) {
        points.add(List.of(p.x(), p.y()));
      }
      edge.put("points", points);
      edge.put("nLane", road.lanes().size());
      edge.put("laneWidths", road.lanes().stream().map(Lane::widthMeters).toList());
      edges.add(edge);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("nodes", nodes);
    body.put("edges", edges);
    return Map.of(STATIC, body);
  }

  /** Convex hull of the intersection's centre and the corners of its road ends (CityFlow's outline). */
  static List<Point> outline(Intersection in, RoadNetwork network, Map<String, Intersection> byId) {
    List<Point> points = new ArrayList<>();
    points.add(in.point());
    for (String roadId : in.roadIds()) {
      Road road = network.road(roadId).orElse(null);
      if (road == null) {
        continue;
      }
      Point start = byId.get(road.startIntersectionId()).point();
      Point end = byId.get(road.endIntersectionId()).point();
      double dx = end.x() - start.x();
      double dy = end.y() - start.y();
      double len = Math.hypot(dx, dy);
      if (len == 0) {
        continue;
      }
      dx /= len;
      dy /= len;
      // normal to the left of the road direction, as CityFlow's Vector::normal
      double nx = -dy;
      double ny = dx;
      if (road.startIntersectionId().equals(in.id())) {
        dx = -dx;
        dy = -dy;
      }
      double roadWidth = road.lanes().stream().mapToDouble(Lane::widthMeters).sum();
      double delta = Math.max(0.5 * Math.min(in.widthMeters(), roadWidth), 5);
      Point a = new Point(in.point().x() - dx * in.widthMeters(), in.point().y() - dy * in.widthMeters());
      Point b = new Point(a.x() - nx * roadWidth, a.y() - ny * roadWidth);
      points.add(a);
      points.add(b);
      if (delta < road.polylineLengthMeters()) {
        points.add(new Point(a.x() - dx * delta, a.y() - dy * delta));
        points.add(new Point(b.x() - dx * delta, b.y() - dy * delta));
      }
    }
    return convexHull(points);
  }

  /** Andrew's monotone chain; counter-clockwise, no repeated points. */
  static List<Point> convexHull(List<Point> input) {
    List<Point> pts = new ArrayList<>(input);
    pts.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
    if (pts.size() < 3) {
      return pts;
    }
    Point[] hull = new Point[2 * pts.size()];
    int k = 0;
    for (Point p : pts) {
      while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) {
        k--;
      }
      hull[k++] = p;
    }
    for (int i = pts.size() - 2, lower = k + 1; i >= 0; i--) {
      Point p = pts.get(i);
      while (k >= lower && cross(hull[k - 2], hull[k - 1], p) <= 0) {
        k--;
      }
      hull[k++] = p;
    }
    return new ArrayList<>(Arrays.asList(hull).subList(0, Math.max(1, k - 1)));
  }

  private static double cross(Point o, Point a, Point b) {
    return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
  }
}
