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
 *                     "roadLinkTypes": ["turn_left"|"go_straight"|"turn_right", ...],
 *                     "roadLinkLanes": [[laneIndex, ...], ...],                    (incoming lanes per road link)
 *                     "phaseRoadLinks": [[roadLinkIndex, ...], ...]}],             (green road links per phase)
 *  "geo": {"x", "y", "lon", "lat", "lonPerMeterX", "lonPerMeterY", "latPerMeterX", "latPerMeterY"}}
 * </pre>
 *
 * Coordinates in m, rounded to 0.1 m. {@code geo} is present only for networks with a geographic
 * position ({@link io.citybrain.traffic.network.GeoReference}: CBEngine, SUMO and OpenStreetMap
 * imports): the affine map, at the centre of the bounds, from the plane (m) to WGS84 longitude and
 * latitude (degrees), for drawing on a geographic map. It is exact for the equirectangular
 * projection; for UTM it is off by about 3 m 7 km from the centre (growing with the square of
 * the distance), less than a lane's width across a city.
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
      List<String> types = new ArrayList<>();
      List<List<Integer>> incoming = new ArrayList<>();
      k = 0;
      for (RoadLink rl : in.roadLinks()) {
        types.add(rl.type().cityFlowName());
        java.util.TreeSet<Integer> lanesIn = new java.util.TreeSet<>();
        for (int j = 0; j < rl.laneLinks().size(); j++) {
          lanesIn.add(net.laneLinkStartLane(links[k + j]));
        }
        incoming.add(List.copyOf(lanesIn));
        k += rl.laneLinks().size();
      }
      m.put("roadLinkTypes", types);
      m.put("roadLinkLanes", incoming);
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
    scenario.network().geoReference().ifPresent(geo -> map.put("geo", affine(geo, bounds)));
    return map;
  }

  /** The plane-to-geographic affine map at the centre of {@code bounds}, by central differences over 1 km. */
  static Map<String, Object> affine(io.citybrain.traffic.network.GeoReference geo, double[] bounds) {
    double cx = (bounds[0] + bounds[2]) / 2;
    double cy = (bounds[1] + bounds[3]) / 2;
    double h = 500;
    double[] c = geo.toLonLat(new Point(cx, cy));
    double[] e = geo.toLonLat(new Point(cx + h, cy));
    double[] w = geo.toLonLat(new Point(cx - h, cy));
    double[] n = geo.toLonLat(new Point(cx, cy + h));
    double[] s = geo.toLonLat(new Point(cx, cy - h));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("x", cx);
    m.put("y", cy);
    m.put("lon", c[0]);
    m.put("lat", c[1]);
    m.put("lonPerMeterX", (e[0] - w[0]) / (2 * h));
    m.put("lonPerMeterY", (n[0] - s[0]) / (2 * h));
    m.put("latPerMeterX", (e[1] - w[1]) / (2 * h));
    m.put("latPerMeterY", (n[1] - s[1]) / (2 * h));
    return m;
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
