package io.citybrain.platform.scenarios;

import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drawable form of a scenario's network for the dashboard's map, in the simulator's order so
 * that live frames (per-lane counts, per-intersection phases) index it directly.
 *
 * <pre>
 * {"scenario": id, "bounds": [minX, minY, maxX, maxY],
 *  "lanes": [{"id", "road", "lengthMeters", "points": [[x, y], ...]}],             (lane order)
 *  "intersections": [{"id", "x", "y", "virtual", "signalized", "phaseCount",
 *                     "roadLinks": [[[x, y], ...], ...],                           (one path per road link)
 *                     "phaseRoadLinks": [[roadLinkIndex, ...], ...]}]}             (green road links per phase)
 * </pre>
 *
 * Coordinates in m, rounded to 0.1 m.
 */
public final class NetworkMap {
  private NetworkMap() {}

  /** The map of {@code scenario}, as JSON-ready maps and lists. */
  public static Map<String, Object> of(String scenarioId, Scenario scenario) {
    SimNetwork net = scenario.compiled();
    double[] bounds = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    List<Map<String, Object>> lanes = new ArrayList<>();
    for (int lane = 0; lane < net.laneCount(); lane++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", net.laneId(lane));
      m.put("road", scenario.network().roads().get(net.laneRoad(lane)).id());
      m.put("lengthMeters", round(net.lengthMeters(lane)));
      m.put("points", points(net.polyline(lane), bounds));
      lanes.add(m);
    }
    List<Map<String, Object>> intersections = new ArrayList<>();
    List<Intersection> list = scenario.network().intersections();
    for (int i = 0; i < list.size(); i++) {
      Intersection in = list.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", in.id());
      m.put("x", round(in.point().x()));
      m.put("y", round(in.point().y()));
      m.put("virtual", in.virtual());
      m.put("signalized", in.signalized());
      m.put("phaseCount", in.phases().size());
      int[] links = net.intersectionLaneLinks(i);
      List<List<List<Double>>> roadLinks = new ArrayList<>();
      int k = 0;
      for (RoadLink rl : in.roadLinks()) {
        roadLinks.add(points(net.polyline(links[k]), bounds));
        k += rl.laneLinks().size();
      }
      m.put("roadLinks", roadLinks);
      List<List<Integer>> phaseRoadLinks = new ArrayList<>();
      for (Phase p : in.phases()) {
        phaseRoadLinks.add(p.availableRoadLinks());
      }
      m.put("phaseRoadLinks", phaseRoadLinks);
      intersections.add(m);
      include(bounds, in.point().x(), in.point().y());
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("scenario", scenarioId);
    map.put("bounds", List.of(round(bounds[0]), round(bounds[1]), round(bounds[2]), round(bounds[3])));
    map.put("lanes", lanes);
    map.put("intersections", intersections);
    return map;
  }

  private static List<List<Double>> points(List<Point> pts, double[] bounds) {
    List<List<Double>> out = new ArrayList<>(pts.size());
    for (Point p : pts) {
      out.add(List.of(round(p.x()), round(p.y())));
      include(bounds, p.x(), p.y());
    }
    return out;
  }

  private static void include(double[] b, double x, double y) {
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
